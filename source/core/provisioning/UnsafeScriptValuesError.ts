import { UnsafeScriptValueError } from './UnsafeScriptValueError.js';

/**
 * Several values bound for the boot script failed their whitelists. It is an
 * `UnsafeScriptValueError` (naming the first field) so callers that handle one refusal handle
 * this too, and its message lists every refusal so one run shows them all.
 */
export class UnsafeScriptValuesError extends UnsafeScriptValueError {
  readonly refusals: readonly UnsafeScriptValueError[];

  constructor(refusals: readonly UnsafeScriptValueError[]) {
    const [first] = refusals;
    super(first!.field, first!.value, first!.rule);
    this.name = 'UnsafeScriptValuesError';
    this.message = `${refusals.length} values are not allowed in a boot script:\n${refusals
      .map((refusal) => `  ${refusal.message}`)
      .join('\n')}`;
    this.refusals = refusals;
  }
}
