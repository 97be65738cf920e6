import { readFile, stat } from 'node:fs/promises';
import type { TemplateOrigin, TemplateParseResult } from './LoadedTemplate.js';
import type { TemplateParseCache } from './TemplateParseCache.js';
import { describeOversize, MAX_TEMPLATE_BYTES } from './templateFileLimit.js';

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** Reads and parses one template file; a file too large is refused before it is read. */
export async function loadTemplateFile(
  file: string,
  origin: TemplateOrigin = 'path',
  cache?: TemplateParseCache,
): Promise<TemplateParseResult> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (info.size > MAX_TEMPLATE_BYTES) {
      return {
        diagnostics: [{ file, line: 1, column: 1, severity: 'error', message: describeOversize(info.size) }],
      };
    }
    if (cache) return await cache.parse(file, info, origin, () => readFile(file));
    // The parser brings yaml and zod: loaded only when a file is parsed, not on a cache hit.
    const { parseTemplate } = await import('./parseTemplate.js');
    return parseTemplate(await readFile(file), { file, origin });
  } catch (error) {
    return {
      diagnostics: [
        { file, line: 0, column: 0, severity: 'error', message: `cannot read: ${describeFsError(error)}` },
      ],
    };
  }
}
