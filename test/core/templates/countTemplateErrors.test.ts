import { describe, expect, it } from 'vitest';
import {
  countTemplateErrors,
  describeTemplateErrors,
} from '../../../source/core/templates/countTemplateErrors.js';
import type { TemplateDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';

const at = (file: string, severity: TemplateDiagnostic['severity'] = 'error'): TemplateDiagnostic => ({
  file,
  line: 1,
  column: 1,
  severity,
  message: 'x',
});

describe('countTemplateErrors', () => {
  it('counts the templates with errors and their errors apart, warnings in neither', () => {
    const count = countTemplateErrors([at('a.yml'), at('a.yml'), at('b.yml'), at('c.yml', 'warning')]);
    expect(count).toEqual({ templates: 2, errors: 3 });
    expect(describeTemplateErrors(count)).toBe('2 templates with 3 errors');
    expect(describeTemplateErrors({ templates: 1, errors: 1 })).toBe('1 template with an error');
  });
});
