import { useMemo } from 'react';
import { Header } from '../components/Header.js';
import { burnRate } from '../screens/Dashboard/workstationFigures.js';
import type { SessionInfo } from './session/Session.js';
import { useAppState } from './store/useAppState.js';

export interface ShellHeaderProps {
  info?: SessionInfo;
  breadcrumbs: readonly string[];
  status?: string;
}

/** The header fed from the store: the account once known, the burn rate from the last refresh. */
export function ShellHeader({ info, breadcrumbs, status }: ShellHeaderProps) {
  const identity = useAppState((state) => state.identity);
  const workstations = useAppState((state) => state.workstations);
  const refreshedAt = useAppState((state) => state.refreshedAt);
  const spend = useAppState((state) => state.spend);
  const rate = useMemo(() => burnRate(workstations), [workstations]);
  return (
    <Header
      breadcrumbs={breadcrumbs}
      {...(info ? { info } : {})}
      {...(identity ? { account: identity.account } : {})}
      {...(refreshedAt === undefined ? {} : { burnRate: rate })}
      {...(spend ? { spend } : {})}
      {...(status ? { status } : {})}
    />
  );
}
