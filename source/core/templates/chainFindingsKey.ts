import type { LoadedTemplate } from './LoadedTemplate.js';

/**
 * What the findings about a resolved template depend on: the files merged into it, in order, each
 * with the size and mtime it was read with. Undefined when a file's stamp is unknown (it was not
 * read through the cache), so nothing is remembered for it.
 */
export function chainFindingsKey(chain: readonly LoadedTemplate[]): string | undefined {
  const lines: string[] = [];
  for (const entry of chain) {
    if (entry.stamp === undefined) return undefined;
    lines.push(`${entry.origin}\t${entry.source}\t${entry.stamp}`);
  }
  return lines.join('\n');
}
