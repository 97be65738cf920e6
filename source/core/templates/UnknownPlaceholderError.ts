import { UnsafeScriptValueError } from '../provisioning/UnsafeScriptValueError.js';

/** A `{{ ... }}` that names no declared parameter: left in, it would reach the script as written. */
export class UnknownPlaceholderError extends UnsafeScriptValueError {
  constructor(field: string, placeholder: string, rule: string) {
    super(field, placeholder, rule);
    this.name = 'UnknownPlaceholderError';
  }
}
