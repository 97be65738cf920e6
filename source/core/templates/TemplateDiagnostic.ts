export type DiagnosticSeverity = 'error' | 'warning';

/**
 * One finding about a template file. `line` and `column` are 1-based; both are 0 when the finding
 * is about a whole file or directory rather than a place in it.
 */
export interface TemplateDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: DiagnosticSeverity;
  message: string;
}

/** `file:line:column: severity: message`, the form editors and CI logs link to. */
export function formatDiagnostic(diagnostic: TemplateDiagnostic): string {
  const place =
    diagnostic.line > 0 ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}` : diagnostic.file;
  return `${place}: ${diagnostic.severity}: ${diagnostic.message}`;
}

export function hasErrors(diagnostics: readonly TemplateDiagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
