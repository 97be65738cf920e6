import { TAG } from '../ports.js';

/**
 * Tag keys the app owns: `cws:*` (management, ownership, progress) and `Name` (the workstation's
 * name). A user-supplied tag with one of them is refused, never silently dropped or applied.
 */
export function reservedTagProblem(key: string): string | undefined {
  if (key.toLowerCase().startsWith('cws:') || key === TAG.name) {
    return `the tag key '${key}' is reserved for cws-tui (cws:* and Name are set by the app); choose another key`;
  }
  return undefined;
}
