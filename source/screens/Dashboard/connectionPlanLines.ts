import type { ConnectionPlan } from '../../core/connect/ConnectionPlan.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

/** The lines the connect dialog shows for a plan: what to run or open, and its caveats. */
export function connectionPlanLines(plan: ConnectionPlan): string[] {
  const safe = sanitizeForTerminal;
  switch (plan.kind) {
    case 'terminal':
      return [`Run: ${safe(plan.command)}`, ...(plan.note ? [safe(plan.note)] : [])];
    case 'url':
      return [
        `Open: ${safe(plan.url)}`,
        ...(plan.tunnel ? [`Tunnel: ${safe(plan.tunnel.command)}`] : []),
        ...(plan.laptop_command ? [`On your laptop: ${safe(plan.laptop_command)}`] : []),
        ...(plan.note ? [safe(plan.note)] : []),
        ...(plan.expires_at ? [`Expires at ${safe(plan.expires_at)}`] : []),
      ];
    case 'unavailable':
      return [`No way in now: ${safe(plan.reason)}`];
  }
}
