import { useMemo } from 'react';
import { Header } from '../components/Header.js';
import { roundedBurnRate } from '../core/cost/roundCostReport.js';
import type { SessionInfo } from './session/Session.js';
import { useAppState } from './store/useAppState.js';

export interface ShellHeaderProps {
  info?: SessionInfo;
  breadcrumbs: readonly string[];
  status?: string;
  readonly?: boolean;
}

/**
 * The header fed from the store: the account once known, the burn rate and the month's spend from
 * the last cost report, the one the cost panel and `cost --json` show.
 */
export function ShellHeader({ info, breadcrumbs, status, readonly = false }: ShellHeaderProps) {
  const identity = useAppState((state) => state.identity);
  const report = useAppState((state) => state.cost?.report);
  // The burn rate as the cost panel shows it: the sum of the rows' rounded rates.
  const rate = useMemo(() => (report ? roundedBurnRate(report) : undefined), [report]);
  const spend = useAppState((state) => state.spend);
  const region = useAppState((state) => state.region);
  return (
    <Header
      breadcrumbs={breadcrumbs}
      {...(info ? { info } : {})}
      {...(identity ? { account: identity.account } : {})}
      {...(rate === undefined ? {} : { burnRate: rate })}
      {...(spend ? { spend } : {})}
      {...(status ? { status } : {})}
      {...(region ? { region } : {})}
      readonly={readonly}
    />
  );
}
