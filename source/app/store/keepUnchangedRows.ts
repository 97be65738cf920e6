import { isDeepStrictEqual } from 'node:util';
import type { Workstation } from '../../core/workstations/Workstation.js';

const keyOf = (row: Workstation) => `${row.kind}\u0000${row.region}\u0000${row.id}`;

/**
 * A refresh's rows as a diff against the rows shown: a row that did not change keeps its previous
 * object, and when no row changed (nor the order) the previous array itself comes back, so the
 * dashboard neither re-sorts nor redraws 10,000 rows for a refresh that brought nothing new.
 */
export function keepUnchangedRows(
  previous: readonly Workstation[],
  next: readonly Workstation[],
): readonly Workstation[] {
  if (previous.length === 0) return next;
  // The usual refresh: the session handed back the very same row objects, in the same order.
  if (previous.length === next.length && next.every((row, index) => row === previous[index])) return previous;
  const before = new Map<string, Workstation>();
  for (const row of previous) before.set(keyOf(row), row);
  let same = previous.length === next.length;
  const merged = next.map((row, index) => {
    const old = before.get(keyOf(row));
    // Rows the session built from an unchanged instance are the same object: no comparison needed.
    const kept = old !== undefined && (old === row || isDeepStrictEqual(old, row)) ? old : row;
    if (kept !== previous[index]) same = false;
    return kept;
  });
  return same ? previous : merged;
}
