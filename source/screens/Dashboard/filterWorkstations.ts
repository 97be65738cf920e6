import type { Workstation } from '../../core/workstations/Workstation.js';
import { stateLabel } from './workstationFigures.js';

/** The rows where any shown field contains every word of the filter (case-insensitive). */
export function filterWorkstations(
  workstations: readonly Workstation[],
  filter: string,
): readonly Workstation[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return workstations;
  return workstations.filter((workstation) => {
    const haystack = [
      workstation.name,
      workstation.id,
      workstation.template,
      workstation.instance_type,
      stateLabel(workstation),
      workstation.region,
      workstation.research_user ?? '',
      workstation.project ?? '',
    ]
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
