import type { CostFinding, CostFindingSource, FindingContext } from './CostFinding.js';

/** Every service's findings, biggest saving first, with what they add up to and what failed. */
export interface CostFindings {
  findings: CostFinding[];
  /** The sum of the savings that are known. */
  monthly_saving_usd: number;
  /** How many findings have no known saving (not in the total). */
  unpriced: number;
  /** A source that could not be read: "EMR findings are not shown: …". */
  notes: string[];
}

/** Priced findings by saving, biggest first; unpriced ones after them, in their sources' order. */
function bySaving(a: CostFinding, b: CostFinding): number {
  return (b.monthly_saving_usd ?? -1) - (a.monthly_saving_usd ?? -1);
}

/**
 * Asks every source at once; one that fails becomes a note and the others still show, so a
 * missing permission on one service never hides another's savings.
 */
export async function listCostFindings(
  sources: readonly CostFindingSource[],
  context: FindingContext,
): Promise<CostFindings> {
  const settled = await Promise.allSettled(sources.map((source) => source.list(context)));
  const findings: CostFinding[] = [];
  const notes: string[] = [];
  settled.forEach((result, index) => {
    if (result.status === 'fulfilled') findings.push(...result.value);
    else {
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      notes.push(`${sources[index]?.service} findings are not shown: ${reason}`);
    }
  });
  findings.sort(bySaving);
  const priced = findings.flatMap((finding) =>
    finding.monthly_saving_usd === undefined ? [] : [finding.monthly_saving_usd],
  );
  return {
    findings,
    monthly_saving_usd: Math.round(priced.reduce((sum, usd) => sum + usd, 0) * 100) / 100,
    unpriced: findings.length - priced.length,
    notes,
  };
}
