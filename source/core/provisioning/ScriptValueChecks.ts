import {
  requireAccountId,
  requireAppControlledSetting,
  requirePositiveInteger,
  requireSafeValue,
  type ScriptValueKind,
} from './scriptValueRules.js';
import { UnsafeScriptValueError } from './UnsafeScriptValueError.js';
import { UnsafeScriptValuesError } from './UnsafeScriptValuesError.js';

/**
 * The script value rules, applied while planning without stopping at the first refusal: each
 * check records what it refuses and hands the value back, so planning goes on and validation
 * can report every refused value. `throwIfRefused` then turns them into one error.
 */
export class ScriptValueChecks {
  readonly refused: UnsafeScriptValueError[] = [];

  safe(field: string, value: string, kind: ScriptValueKind): string {
    return this.check(value, () => requireSafeValue(field, value, kind));
  }

  accountId(field: string, value: number): number {
    return this.check(value, () => requireAccountId(field, value));
  }

  positiveInteger(field: string, value: number, max: number): number {
    return this.check(value, () => requirePositiveInteger(field, value, max));
  }

  appControlledSetting(field: string, key: string, value: string): void {
    this.check(undefined, () => requireAppControlledSetting(field, key, value));
  }

  refuse(refusal: UnsafeScriptValueError): void {
    this.refused.push(refusal);
  }

  /** Throws the one refusal as it is, or all of them as one error. */
  throwIfRefused(): void {
    if (this.refused.length === 1) throw this.refused[0]!;
    if (this.refused.length > 1) throw new UnsafeScriptValuesError(this.refused);
  }

  private check<T>(value: T, run: () => unknown): T {
    try {
      run();
    } catch (error) {
      if (!(error instanceof UnsafeScriptValueError)) throw error;
      this.refused.push(error);
    }
    return value;
  }
}
