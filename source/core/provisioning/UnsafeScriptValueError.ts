/** A value bound for the boot script failed its whitelist: it is rejected at generation time. */
export class UnsafeScriptValueError extends Error {
  readonly field: string;
  readonly value: string;
  readonly rule: string;

  constructor(field: string, value: string, rule: string) {
    super(`${field}: ${JSON.stringify(value)} is not allowed in a boot script (${rule})`);
    this.name = 'UnsafeScriptValueError';
    this.field = field;
    this.value = value;
    this.rule = rule;
  }
}
