import { basename } from 'node:path';
import type { LoadedTemplate } from './LoadedTemplate.js';

const ORIGIN_LABELS = { builtin: 'built-in', user: 'user', env: 'CWS_TEMPLATE_PATH' } as const;

/**
 * Where a template came from, short: the search path part and the file's path below it
 * (`built-in python-ml.yml`, `CWS_TEMPLATE_PATH community/r-research.yml`); a file given on the
 * command line, or one whose folder is unknown, by its full path.
 */
export function describeTemplateOrigin(
  loaded: Pick<LoadedTemplate, 'origin' | 'source' | 'relative_path'>,
): string {
  if (loaded.origin === 'path') return loaded.source;
  if (loaded.relative_path === undefined)
    return loaded.origin === 'builtin' ? `built-in ${basename(loaded.source)}` : loaded.source;
  return `${ORIGIN_LABELS[loaded.origin]} ${loaded.relative_path}`;
}
