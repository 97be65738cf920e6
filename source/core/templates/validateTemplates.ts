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

export interface TemplateValidation {
  /** How many template files were checked. */
  files: number;
  diagnostics: TemplateDiagnostic[];
}

/** Every problem in the given templates: per file (syntax, schema) and across inheritance chains. */
export async function validateTemplates(options: ValidateTemplatesOptions): Promise<TemplateValidation> {
  const paths = options.paths ?? [];
  if (paths.length === 0) {
    const registry = await loadTemplateRegistry({ searchPath: options.searchPath });
    return {
      files: registry.templates.size + registry.shadowed.length + countFailedFiles(registry.diagnostics),
      diagnostics: [...registry.diagnostics, ...resolveAll(registry).diagnostics].sort(byLocation),
    };
  }
  const registry = await loadTemplateRegistry({ searchPath: options.searchPath, extraPaths: paths });
  const isUnder = (file: string): boolean => {
    const absolute = resolve(file);
    return paths.some((path) => absolute === resolve(path) || absolute.startsWith(`${resolve(path)}/`));
  };
  const loadDiagnostics = registry.diagnostics.filter((diagnostic) => isUnder(diagnostic.file));
  const given = [...registry.templates.values()].filter((loaded) => loaded.origin === 'path');
  const resolution = resolveAll(registry, (loaded) => loaded.origin === 'path');
  const shadowedGiven = registry.shadowed.filter((entry) => isUnder(entry.source)).length;
  return {
    files: given.length + shadowedGiven + countFailedFiles(loadDiagnostics),
    diagnostics: [...loadDiagnostics, ...resolution.diagnostics].sort(byLocation),
  };
}

/** Files that failed to load have no template, only errors: count each such file once. */
function countFailedFiles(diagnostics: readonly TemplateDiagnostic[]): number {
  return new Set(diagnostics.filter((d) => d.severity === 'error' && d.line > 0).map((d) => d.file)).size;
}
