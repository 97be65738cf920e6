import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import type { SourcePosition, TemplatePath } from './LoadedTemplate.js';

/**
 * Maps a path in the parsed document (e.g. `['users', 1, 'name']`) to where it is written. With
 * `{ key: true }` the position is that of the map key rather than its value (for unknown keys);
 * with `{ find }` that of the first occurrence of that text inside the value (a placeholder in a
 * block of script), when the source text was given.
 */
export type YamlLocator = (path: TemplatePath, options?: { key?: boolean; find?: string }) => SourcePosition;

export function createYamlLocator(
  document: Document,
  lineCounter: LineCounter,
  source?: string,
): YamlLocator {
  const positionOf = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return (path, options = {}) => {
    let node: Node | null | undefined = document.contents as Node | null;
    let offset = node?.range?.[0] ?? 0;
    for (const [index, segment] of path.entries()) {
      if (isAlias(node)) node = node.resolve(document) as Node | undefined;
      let next: Node | null | undefined;
      let keyOffset: number | undefined;
      if (isMap(node)) {
        const items = node.items as Pair<unknown, unknown>[];
        const pair = items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (pair) {
          keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
          next = (pair.value as Node | null) ?? undefined;
        }
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment] as Node | undefined;
      }
      const isLast = index === path.length - 1;
      if (isLast && options.key && keyOffset !== undefined) return positionOf(keyOffset);
      if (next === undefined || next === null) {
        // A key with no value (`name:`) still has a place: the key itself.
        return positionOf(keyOffset ?? offset);
      }
      node = next;
      offset = next.range?.[0] ?? keyOffset ?? offset;
    }
    if (options.find !== undefined && source !== undefined && node?.range) {
      const found = source.indexOf(options.find, node.range[0]);
      if (found >= 0 && found < node.range[2]) return positionOf(found);
    }
    return positionOf(offset);
  };
}
