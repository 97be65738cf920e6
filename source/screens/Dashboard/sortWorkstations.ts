import { compareText } from '../../core/text/compareText.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { currentHourlyCost, stateLabel, uptimeMs } from './workstationFigures.js';

export const SORT_KEYS = ['name', 'state', 'template', 'type', 'uptime', 'cost', 'user', 'project'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface WorkstationSort {
  key: SortKey;
  descending: boolean;
}

const text = (value: string | undefined) => value ?? '';

/** A sorted copy; ties fall back to the name and then the id, so the order never flickers. */
export function sortWorkstations(
  workstations: readonly Workstation[],
  sort: WorkstationSort,
  now: number,
): Workstation[] {
  const compareBy = (a: Workstation, b: Workstation): number => {
    switch (sort.key) {
      case 'name':
        return 0;
      case 'state':
        return compareText(stateLabel(a), stateLabel(b));
      case 'template':
        return compareText(a.template, b.template);
      case 'type':
        return compareText(a.instance_type, b.instance_type);
      case 'uptime':
        return (uptimeMs(a, now) ?? -1) - (uptimeMs(b, now) ?? -1);
      case 'cost':
        return currentHourlyCost(a) - currentHourlyCost(b);
      case 'user':
        return compareText(text(a.research_user), text(b.research_user));
      // Groups the rows by project (those without one first).
      case 'project':
        return compareText(text(a.project), text(b.project));
    }
  };
  const direction = sort.descending ? -1 : 1;
  return [...workstations].sort(
    (a, b) =>
      direction * compareBy(a, b) || direction * compareText(a.name, b.name) || compareText(a.id, b.id),
  );
}

/** The next sort key in the cycle `o` walks through. */
export function nextSortKey(key: SortKey): SortKey {
  const index = SORT_KEYS.indexOf(key);
  return SORT_KEYS[(index + 1) % SORT_KEYS.length] ?? 'name';
}
