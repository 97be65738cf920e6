import type { Workstation } from '../../core/workstations/Workstation.js';

const TERM = /(?:^|\s)project:(\S*)/i;

export interface ProjectFilter {
  /** The project asked for (lower case); '-' asks for rows without a project. */
  project?: string;
  /** The rest of the filter: plain words, matched as before. */
  words: string;
}

/**
 * `project:NAME` in the `/` filter keeps only that project's rows (the whole name, not a part of
 * it, so `project:bio` does not also show `biology`); `project:-` keeps the rows without one.
 */
export function parseProjectFilter(filter: string): ProjectFilter {
  const match = TERM.exec(filter);
  if (!match) return { words: filter };
  const words = `${filter.slice(0, match.index)} ${filter.slice(match.index + match[0].length)}`.trim();
  const project = (match[1] ?? '').toLowerCase();
  return project ? { project, words } : { words };
}

export function inProject(workstation: Workstation, project: string): boolean {
  const own = workstation.project?.toLowerCase();
  return project === '-' ? !own : own === project;
}
