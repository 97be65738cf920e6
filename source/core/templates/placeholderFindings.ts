import type { LoadedTemplate, TemplatePath } from './LoadedTemplate.js';
import type { TemplateDiagnostic } from './TemplateDiagnostic.js';
import { placeholdersIn } from './templatePlaceholders.js';
import type { Template } from './templateSchema.js';

/** The top-level fields whose placeholders are filled at launch (see applyTemplateParameters). */
const FILLED = new Set(['services', 'packages', 'post_install', 'files']);
/** Fields that describe the template to people: a placeholder there is shown as written. */
const DESCRIPTIVE = new Set(['description', 'long_description', 'learning_resources', 'prerequisites']);

function* stringsIn(value: unknown, path: (string | number)[]): Generator<[TemplatePath, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value))
    for (const [index, item] of value.entries()) yield* stringsIn(item, [...path, index]);
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) yield* stringsIn(item, [...path, key]);
}

/**
 * Every `{{ ... }}` in the templates of a chain checked against the parameters and variables the
 * merged template declares: an unknown name or an unsupported expression is an error at the
 * placeholder's own line and column; a placeholder in a field that is not filled is a warning.
 */
export function placeholderFindings(
  merged: Template,
  chain: readonly LoadedTemplate[],
): TemplateDiagnostic[] {
  const known = new Set([...Object.keys(merged.parameters ?? {}), ...Object.keys(merged.variables ?? {})]);
  const self = chain.at(-1)!;
  const findings: TemplateDiagnostic[] = [];
  for (const loaded of chain) {
    const prefix = loaded === self ? '' : `(inherited by ${self.slug}) `;
    for (const [key, value] of Object.entries(loaded.template)) {
      if (key === 'parameters' || DESCRIPTIVE.has(key)) continue;
      for (const [path, text] of stringsIn(value, [key])) {
        for (const use of placeholdersIn(text)) {
          const { line, column } = loaded.locate(path, { find: use.raw });
          const report = (severity: TemplateDiagnostic['severity'], message: string) =>
            findings.push({ file: loaded.source, line, column, severity, message: `${prefix}${message}` });
          if (use.name === undefined) {
            report(
              'error',
              `${use.raw} is not a placeholder cws-tui fills: only {{.name}} of a declared parameter`,
            );
          } else if (!known.has(use.name)) {
            const declared = [...known];
            report(
              'error',
              `unknown placeholder ${use.raw}: declare it under parameters: (${declared.length > 0 ? `declared: ${declared.join(', ')}` : 'none declared'})`,
            );
          } else if (!FILLED.has(key)) {
            report(
              'warning',
              `${use.raw} in ${key} is not filled: placeholders are filled in services, packages, post_install and files`,
            );
          }
        }
      }
    }
  }
  return findings;
}
