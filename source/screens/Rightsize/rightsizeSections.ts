import type { DetailsSection } from '../../components/DetailsPanel.js';
import { formatUsd } from '../../core/cost/formatUsd.js';
import type { WorkstationRightsizing } from '../../core/rightsize/rightsizeWorkstations.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

/** The recommendations as details sections: savings first, then upsizes, then the rest. */
export function rightsizeSections(results: readonly WorkstationRightsizing[]): DetailsSection[] {
  const savings = results.filter((r) => r.verdict === 'downsize');
  const upsizes = results.filter((r) => r.verdict === 'upsize');
  const others = results.filter((r) => r.verdict === 'keep' || r.verdict === 'not-enough-data');
  const total = savings.reduce((sum, r) => sum + (r.monthly_saving_usd ?? 0), 0);
  const row = (r: WorkstationRightsizing) =>
    [
      sanitizeForTerminal(r.workstation),
      `${r.current} -> ${r.recommended ?? r.current}${r.monthly_saving_usd === undefined ? '' : r.monthly_saving_usd >= 0 ? `  saves ${formatUsd(r.monthly_saving_usd)}/month` : `  costs ${formatUsd(-r.monthly_saving_usd)}/month more`}  (${r.reason})`,
    ] as const;
  return [
    {
      title: `Top savings: ${formatUsd(total)}/month if running all month (cws-tui resize <name> --type T)`,
      rows: savings.map(row),
    },
    { title: 'Saturated: larger types', rows: upsizes.map(row) },
    {
      title: 'Right-sized or not enough data',
      rows: others.map((r) => [sanitizeForTerminal(r.workstation), `${r.current}: ${r.reason}`] as const),
    },
  ];
}
