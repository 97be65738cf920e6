import { OperationError } from '../operations/OperationError.js';
import type { Workstation } from '../workstations/Workstation.js';

/** `k=v` pairs from `--tag`; a malformed one is refused rather than silently matching everything. */
export function parseTagFilters(specs: readonly string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const spec of specs) {
    const at = spec.indexOf('=');
    if (at <= 0)
      throw new OperationError(
        'invalid',
        `--tag ${spec} is not key=value`,
        'For example --tag project=genomics',
      );
    tags[spec.slice(0, at)] = spec.slice(at + 1);
  }
  return tags;
}

/**
 * The EC2 workstations a fan-out command acts on: every live one (`--all`) or those whose tags
 * match every filter; the project filter also matches `cws:project`. Terminated ones never count.
 */
export function selectTargets(
  workstations: readonly Workstation[],
  selection: { all: boolean; tags: Record<string, string> },
): Workstation[] {
  const live = workstations.filter(
    (w) => w.kind === 'ec2' && w.state !== 'terminated' && w.state !== 'shutting-down',
  );
  if (selection.all) return live;
  return live.filter((w) =>
    Object.entries(selection.tags).every(([key, value]) => w.instance?.tags[key] === value),
  );
}
