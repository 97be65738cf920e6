import { findInstanceType } from '../../core/catalog/instanceTypes.js';
import type { Workstation } from '../../core/workstations/Workstation.js';

/** What each badge letter means, in the order they are drawn. */
export const BADGE_MEANINGS: ReadonlyArray<readonly [string, string]> = [
  ['G', 'GPU'],
  ['S', 'spot'],
];

/** `G` for a GPU type, `S` for spot capacity: what explains a row's price at a glance. */
export function rowBadges(workstation: Workstation): string {
  const gpu = (findInstanceType(workstation.instance_type)?.gpus ?? 0) > 0;
  const spot = workstation.instance?.spot === true;
  return `${gpu ? 'G' : ''}${spot ? 'S' : ''}`;
}
