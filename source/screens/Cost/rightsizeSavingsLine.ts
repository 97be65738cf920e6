import { formatUsd } from '../../core/cost/formatUsd.js';
import type { WorkstationRightsizing } from '../../core/rightsize/rightsizeWorkstations.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

/**
 * One line for the cost page: the total a month the downsizes would save and the biggest of them
 * (name, type change, saving), or why there is nothing to save. `:rightsize` has the evidence.
 */
export function rightsizeSavingsLine(results: readonly WorkstationRightsizing[], shown = 3): string {
  const savings = results
    .filter((r) => r.verdict === 'downsize' && (r.monthly_saving_usd ?? 0) > 0)
    .sort((a, b) => (b.monthly_saving_usd ?? 0) - (a.monthly_saving_usd ?? 0));
  if (savings.length === 0) {
    return results.length === 0
      ? 'Rightsizing: no EC2 workstation to look at'
      : 'Rightsizing: no smaller type would do (14 days of metrics) · :rightsize';
  }
  const total = savings.reduce((sum, r) => sum + (r.monthly_saving_usd ?? 0), 0);
  const top = savings
    .slice(0, shown)
    .map(
      (r) =>
        `${sanitizeForTerminal(r.workstation)} ${r.current} -> ${r.recommended ?? r.current} ${formatUsd(r.monthly_saving_usd ?? 0)}`,
    );
  const more = savings.length > shown ? `, +${savings.length - shown} more` : '';
  return `Rightsizing saves ${formatUsd(total)}/month: ${top.join(', ')}${more} · :rightsize`;
}
