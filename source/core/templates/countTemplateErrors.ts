import type { TemplateDiagnostic } from './TemplateDiagnostic.js';

export interface TemplateErrorCount {
  /** Template files with at least one error (each is left out of the list). */
  templates: number;
  errors: number;
}

/** How many templates have errors, and how many errors they have: two numbers, never one for both. */
export function countTemplateErrors(diagnostics: readonly TemplateDiagnostic[]): TemplateErrorCount {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return { templates: new Set(errors.map((error) => error.file)).size, errors: errors.length };
}

/** `8 templates with 14 errors`, `1 template with an error`. */
export function describeTemplateErrors({ templates, errors }: TemplateErrorCount): string {
  const files = `${templates} template${templates === 1 ? '' : 's'}`;
  return `${files} with ${errors === 1 ? 'an error' : `${errors} errors`}`;
}
