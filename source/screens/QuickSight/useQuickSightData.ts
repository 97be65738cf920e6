import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Session } from '../../app/session/Session.js';
import type {
  QuickSightDashboard,
  QuickSightSubscription,
  QuickSightUser,
} from '../../core/analytics/quickSightPorts.js';

export interface QuickSightData {
  account_id: string;
  caller_arn: string;
  subscription: QuickSightSubscription;
  users: QuickSightUser[];
  dashboards: QuickSightDashboard[];
}

/** The account's QuickSight: subscription, users and dashboards, read again on `reload`. */
export function useQuickSightData(session: Session) {
  const [data, setData] = useState<QuickSightData | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const busy = useRef(false);
  const region = session.info.region;

  const load = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    const quicksight = session.account.analytics.quicksight;
    (async () => {
      const identity = await session.account.identity.callerIdentity();
      const subscription = await quicksight.subscription(identity.account, region);
      const active = subscription.status === 'active';
      const [users, dashboards] = active
        ? await Promise.all([
            quicksight.listUsers(identity.account, region),
            quicksight.listDashboards(identity.account, region),
          ])
        : [[], []];
      setData({ account_id: identity.account, caller_arn: identity.arn, subscription, users, dashboards });
      setError(undefined);
    })()
      .catch((thrown: unknown) => setError(describeError(thrown).message))
      .finally(() => {
        busy.current = false;
      });
  }, [session, region]);

  useEffect(() => {
    load();
  }, [load]);

  return { data, error, reload: load };
}
