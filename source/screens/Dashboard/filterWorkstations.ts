import type { Workstation } from '../../core/workstations/Workstation.js';
import { inProject, parseProjectFilter } from './projectFilter.js';
import { stateLabel } from './workstationFigures.js';

/**
 * The rows where any shown field contains every word of the filter (case-insensitive), within the
 * project a `project:NAME` term names.
 */
export function filterWorkstations(
  workstations: readonly Workstation[],
  filter: string,
): readonly Workstation[] {
  const { project, words: rest } = parseProjectFilter(filter);
  const words = rest.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 && !project) return workstations;
  return workstations.filter((workstation) => {
    if (project && !inProject(workstation, project)) return false;
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
