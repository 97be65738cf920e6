import type { LaunchPreview } from '../../app/session/previewLaunch.js';
import { formatUsdPerHour } from '../../core/cost/formatUsd.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { PolicyLine } from './policyLines.js';

/**
 * The what-if's answer as the launch would give it: the verdict first (REFUSED when something
 * besides the policy stops it, such as a type that does not exist), then every violation, every
 * other problem, what would pass, and the remarks. Nothing is cut: the form scrolls.
 */
export function whatIfLines(preview: LaunchPreview, spot: boolean): PolicyLine[] {
  const safe = sanitizeForTerminal;
  const { verdict, problems } = preview;
  const price = preview.estimate ? formatUsdPerHour(preview.estimate.hourly) : 'price unknown';
  const outcome = problems.length > 0 ? 'REFUSED' : verdict.allowed ? 'ALLOWED' : 'DENIED';
  const count = verdict.violations.length + problems.length;
  const lines: PolicyLine[] = [
    {
      // The count first: at 80 columns the end of this line may be cut, never how many reasons.
      text: safe(
        `${outcome}${count > 0 ? ` (${count} reason${count === 1 ? '' : 's'})` : ''}: ${preview.template.slug} on ${preview.instance_type} in ${preview.region} (${spot ? 'spot' : 'on-demand'}, ${price})`,
      ),
      tone: outcome === 'ALLOWED' ? 'success' : 'danger',
    },
  ];
  for (const problem of problems) lines.push({ text: `  x ${safe(problem)}` });
  for (const violation of verdict.violations)
    lines.push({
      text: `  x ${safe(violation.rule)}: ${safe(violation.message)} (expected ${safe(violation.expected)}, got ${safe(violation.actual)})`,
    });
  for (const suggestion of verdict.suggestions) lines.push({ text: `  try: ${safe(suggestion.message)}` });
  for (const note of verdict.notes) lines.push({ text: `  note: ${safe(note)}`, tone: 'muted' });
  if (preview.estimate?.note) lines.push({ text: `  note: ${safe(preview.estimate.note)}`, tone: 'muted' });
  return lines;
}
