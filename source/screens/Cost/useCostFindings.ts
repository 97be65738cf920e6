import { useEffect, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Session } from '../../app/session/Session.js';
import { COST_FINDING_SOURCES } from '../../core/cost/costFindingSources.js';
import { formatUsd } from '../../core/cost/formatUsd.js';
import { type CostFindings, listCostFindings } from '../../core/cost/listCostFindings.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

export type FindingsState =
  | { status: 'loading' }
  | { status: 'loaded'; result: CostFindings }
  | { status: 'failed'; message: string };

/**
 * Every service's findings, read when the findings view opens and again on each `generation` (the
 * page's refresh key): they read metrics and step lists, too much for the 5-second refresh.
 */
export function useCostFindings(session: Session, active: boolean, generation: number): FindingsState {
  const [state, setState] = useState<FindingsState>({ status: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the refresh key: a change reads them again
  useEffect(() => {
    if (!active) return;
    let current = true;
    setState({ status: 'loading' });
    listCostFindings(COST_FINDING_SOURCES, {
      account: session.account,
      regions: session.info.regions,
      now: new Date(),
      workstations: () => session.listWorkstations(),
    }).then(
      (result) => current && setState({ status: 'loaded', result }),
      (error: unknown) => current && setState({ status: 'failed', message: describeError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [session, active, generation]);
  return state;
}

/** The findings view's title: how many, what they save together, or why there are none to show. */
export function describeFindings(state: FindingsState): string {
  if (state.status === 'loading') return 'Findings (reading…)';
  if (state.status === 'failed') return `Findings could not be read: ${sanitizeForTerminal(state.message)}`;
  const { findings, monthly_saving_usd, unpriced } = state.result;
  const rest = unpriced > 0 ? `, ${unpriced} more unpriced` : '';
  return `Findings: ${findings.length}, up to ${formatUsd(monthly_saving_usd)}/month${rest} (all regions)`;
}
