import { formatUsdPerHour } from '../../core/cost/formatUsd.js';
import type { WhatIfResult } from '../../core/policy/testPolicyOffline.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { PolicyLine } from './policyLines.js';

/** The verdict first, then why (violations), what would pass (suggestions) and what was not checked. */
export function whatIfLines(result: WhatIfResult): PolicyLine[] {
  const safe = sanitizeForTerminal;
  const { request, verdict } = result;
  const price = result.hourly_cost === undefined ? 'price unknown' : formatUsdPerHour(result.hourly_cost);
  const lines: PolicyLine[] = [
    {
      text: `${verdict.allowed ? 'ALLOWED' : 'DENIED'}: ${safe(request.template_slug)} on ${safe(request.instance_type)} in ${safe(request.region)} (${request.spot ? 'spot' : 'on-demand'}, ${price})`,
      tone: verdict.allowed ? 'success' : 'danger',
    },
  ];
  for (const violation of verdict.violations) {
    lines.push({
      text: `  x ${safe(violation.rule)}: ${safe(violation.message)} (expected ${safe(violation.expected)}, got ${safe(violation.actual)})`,
    });
  }
  for (const suggestion of verdict.suggestions) lines.push({ text: `  try: ${safe(suggestion.message)}` });
  for (const note of [...verdict.notes, ...result.notes])
    lines.push({ text: `  note: ${safe(note)}`, tone: 'muted' });
  return lines;
}
