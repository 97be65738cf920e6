import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { BuiltinSignerKeys } from '../marketplace/builtinSigningKeys.js';
import { addProvenance } from './addProvenance.js';
import { type FoundTemplateFile, findTemplateFiles } from './findTemplateFiles.js';
import type { LoadedTemplate, TemplateOrigin } from './LoadedTemplate.js';
import { describeFsError, loadTemplateFile } from './loadTemplateFile.js';
import type { TemplateDiagnostic } from './TemplateDiagnostic.js';
import { TemplateParseCache } from './TemplateParseCache.js';
import { buildTemplateRegistry, type TemplateRegistry } from './TemplateRegistry.js';
import type { TemplateSearchDirectory } from './templateSearchPath.js';

export interface LoadedTemplates {
  loaded: LoadedTemplate[];
  diagnostics: TemplateDiagnostic[];
}

async function loadFiles(
  files: readonly FoundTemplateFile[],
  origin: TemplateOrigin,
  cache: TemplateParseCache | undefined,
): Promise<LoadedTemplates> {
  const results = await Promise.all(files.map(({ file }) => loadTemplateFile(file, origin, cache)));
  return {
    loaded: results.flatMap((result, index) =>
      result.loaded ? [{ ...result.loaded, relative_path: files[index]!.relative_path }] : [],
    ),
    diagnostics: results.flatMap((result) => result.diagnostics),
  };
}

/**
 * Loads template files and directories (a directory contributes its `*.yml`/`*.yaml` files, its
 * subfolders' too: see findTemplateFiles).
 * With `optional`, a directory that does not exist is skipped quietly.
 */
export async function loadTemplatePaths(
  paths: readonly string[],
  origin: TemplateOrigin,
  options: { optional?: boolean; cache?: TemplateParseCache | undefined } = {},
): Promise<LoadedTemplates> {
  const loaded: LoadedTemplate[] = [];
  const diagnostics: TemplateDiagnostic[] = [];
  // A file named twice (itself and through its directory) is loaded once.
  const seen = new Set<string>();
  for (const path of paths) {
    let files: FoundTemplateFile[];
    try {
      if ((await stat(path)).isDirectory()) {
        const found = await findTemplateFiles(path);
        files = found.files;
        diagnostics.push(...found.diagnostics);
      } else {
        files = [{ file: path, relative_path: basename(path) }];
      }
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (!(missing && options.optional)) {
        const severity = origin === 'path' ? 'error' : 'warning';
        diagnostics.push({
          file: path,
          line: 0,
          column: 0,
          severity,
          message: `cannot read: ${describeFsError(error)}`,
        });
      }
      continue;
    }
    const unseen = files.filter(({ file }) => !seen.has(resolve(file)));
    for (const { file } of unseen) seen.add(resolve(file));
    const result = await loadFiles(unseen, origin, options.cache);
    loaded.push(...result.loaded);
    diagnostics.push(...result.diagnostics);
  }
  return { loaded, diagnostics };
}

export interface LoadTemplateRegistryOptions {
  searchPath: readonly TemplateSearchDirectory[];
  /** Files or directories loaded after the search path, so they shadow it (`templates validate PATH`). */
  extraPaths?: readonly string[];
  /** Where parsed templates are cached between runs (see TemplateParseCache); no cache without it. */
  cacheDir?: string;
  /** The keys the built-in set may be signed with; the shipped release key and the development key without it. */
  builtinSignerKeys?: BuiltinSignerKeys;
}

/** Loads every template on the search path; a broken file is reported and the others still load. */
export async function loadTemplateRegistry(options: LoadTemplateRegistryOptions): Promise<TemplateRegistry> {
  const loaded: LoadedTemplate[] = [];
  const diagnostics: TemplateDiagnostic[] = [];
  const cache = options.cacheDir === undefined ? undefined : await TemplateParseCache.open(options.cacheDir);
  for (const { directory, origin } of options.searchPath) {
    // The user's templates directory exists only once they add a template.
    const result = await loadTemplatePaths([directory], origin, { optional: origin === 'user', cache });
    loaded.push(...result.loaded);
    diagnostics.push(...result.diagnostics);
  }
  await cache?.save();
  await addProvenance(loaded, options.searchPath, options.builtinSignerKeys);
  const findingsMemo = cache === undefined ? {} : { findingsMemo: cache };
  if (!options.extraPaths) return { ...buildTemplateRegistry(loaded, diagnostics), ...findingsMemo };
  const extra = await loadTemplatePaths(options.extraPaths, 'path');
  // A file given explicitly that is also on the search path counts once, as given.
  const given = new Set(
    [...extra.loaded.map((template) => template.source), ...extra.diagnostics.map((d) => d.file)].map(
      (file) => resolve(file),
    ),
  );
  const notGiven = (file: string): boolean => !given.has(resolve(file));
  return {
    ...buildTemplateRegistry(
      [...loaded.filter((template) => notGiven(template.source)), ...extra.loaded],
      [...diagnostics.filter((diagnostic) => notGiven(diagnostic.file)), ...extra.diagnostics],
    ),
    ...findingsMemo,
  };
}
