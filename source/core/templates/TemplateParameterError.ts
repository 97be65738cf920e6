import { UnsafeScriptValueError } from '../provisioning/UnsafeScriptValueError.js';

/**
 * Launch-time parameter values that do not fit the template's `parameters:` declarations. It is a
 * refused boot script value like any other, naming the first parameter; the message lists all.
 */
export class TemplateParameterError extends UnsafeScriptValueError {
  constructor(readonly problems: readonly { field: string; value: string; message: string }[]) {
    const first = problems[0] ?? { field: 'parameters', value: '', message: 'invalid parameters' };
    super(first.field, first.value, first.message);
    this.message = problems.map((problem) => problem.message).join('; ');
    this.name = 'TemplateParameterError';
  }
}
