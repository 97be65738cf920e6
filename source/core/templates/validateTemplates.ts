import { resolve } from 'node:path';
import { loadTemplateRegistry } from './loadTemplateRegistry.js';
import { resolveAll } from './resolveTemplate.js';
import type { TemplateDiagnostic } from './TemplateDiagnostic.js';
import type { TemplateSearchDirectory } from './templateSearchPath.js';

export interface ValidateTemplatesOptions {
  searchPath: readonly TemplateSearchDirectory[];
  /** Files or directories to check; parents are looked up on the search path. Empty: the whole search path. */
  paths?: readonly string[];
}

function byLocation(a: TemplateDiagnostic, b: TemplateDiagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/** Every problem in the given templates: per file (syntax, schema) and across inheritance chains. */
export async function validateTemplates(options: ValidateTemplatesOptions): Promise<TemplateDiagnostic[]> {
  const paths = options.paths ?? [];
  if (paths.length === 0) {
    const registry = await loadTemplateRegistry({ searchPath: options.searchPath });
    return [...registry.diagnostics, ...resolveAll(registry).diagnostics].sort(byLocation);
  }
  const registry = await loadTemplateRegistry({ searchPath: options.searchPath, extraPaths: paths });
  const loadDiagnostics = registry.diagnostics.filter((diagnostic) => {
    const file = resolve(diagnostic.file);
    return paths.some((path) => file === resolve(path) || file.startsWith(`${resolve(path)}/`));
  });
  const resolution = resolveAll(registry, (loaded) => loaded.origin === 'path');
  return [...loadDiagnostics, ...resolution.diagnostics].sort(byLocation);
}
