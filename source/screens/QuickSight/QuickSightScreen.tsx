import { Box, Text } from 'ink';
import { useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { PageNote } from '../../components/PageNote.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import {
  QUICKSIGHT_ENABLE_COST,
  quickSightConsoleUrl,
  quickSightUserArn,
  quickSightUserMonthly,
} from '../../core/analytics/quickSightPricing.js';
import { sanitizeForTerminal as safe } from '../../core/text/sanitizeForTerminal.js';
import { dashboardColumns, userColumns } from './quickSightColumns.js';
import { useQuickSightData } from './useQuickSightData.js';

type View = 'dashboards' | 'users';

/**
 * QuickSight: whether the account has it (and what enabling it costs when not), its users with
 * each one's monthly price, and its dashboards; Enter copies a dashboard's embed link (the
 * console's on Standard edition) for the caller's registered user.
 */
export function QuickSightScreen({ width, height }: ScreenProps) {
  const shell = useShell();
  const session = shell.session;
  const region = session.info.region;
  const [view, setView] = useState<View>('dashboards');
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const { data, error, reload } = useQuickSightData(session);
  const users = data?.users ?? [];
  const dashboards = data?.dashboards ?? [];
  const tableHeight = Math.max(3, height - 3);
  const keys = view === 'dashboards' ? dashboards.map((d) => d.id) : users.map((u) => u.arn);
  const cursor = useListCursor(keys, tableHeight - 2);
  const subscription = data?.subscription;
  const edition = subscription && subscription.status !== 'none' ? subscription.edition : 'ENTERPRISE';

  const connect = (dashboardId: string) => {
    if (!data || subscription?.status !== 'active') return;
    setNotice(`Asking QuickSight for a link to ${dashboardId}…`);
    const userArn = quickSightUserArn(data.caller_arn, data.account_id, region);
    // Embedding needs Enterprise and a registered user; the console link works for anyone signed in.
    const link =
      subscription.edition === 'STANDARD'
        ? Promise.resolve(quickSightConsoleUrl(region, dashboardId))
        : session.account.analytics.quicksight.embedUrl(data.account_id, region, dashboardId, userArn);
    link
      .then(async (url) => {
        const copied = await shell.copy(url);
        setNotice(`${copied.sent ? 'Copied' : 'Open'}: ${url}`);
      })
      .catch((thrown: unknown) => setNotice(describeError(thrown).message));
  };

  const actions: Action[] = [
    ...cursor.actions,
    {
      key: 'tab',
      label: view === 'dashboards' ? 'users' : 'dashboards',
      run: () => setView(view === 'dashboards' ? 'users' : 'dashboards'),
    },
    {
      key: 'enter',
      label: 'copy link',
      when: () => view === 'dashboards' && cursor.index !== -1,
      run: () => {
        const dashboard = dashboards[cursor.index];
        if (dashboard) connect(dashboard.id);
      },
    },
    { key: 'r', label: 'refresh', run: reload },
  ];
  useActions(actions);

  const monthly = users.reduce((sum, user) => sum + quickSightUserMonthly(edition, user.role), 0);
  const summary =
    subscription === undefined
      ? 'Reading the QuickSight subscription…'
      : subscription.status === 'none'
        ? `QuickSight is not subscribed in this account. Enabling it costs: ${QUICKSIGHT_ENABLE_COST}.`
        : `QuickSight ${subscription.edition.toLowerCase()}, ${subscription.status}${subscription.account_name ? ` (${subscription.account_name})` : ''} · ${users.length} users · $${monthly.toFixed(2)} per month`;
  const heading = view === 'dashboards' ? '[dashboards]  users' : 'dashboards  [users]';
  const note =
    error ??
    notice ??
    (subscription?.status === 'active' && dashboards.length === 0
      ? 'No dashboards yet: cws-tui quicksight create quicksight-analytics'
      : 'Enter copies the dashboard link (embed, valid 5 minutes to open); Tab shows the users.');
  const common = { selectedIndex: cursor.index, width, height: tableHeight };
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate" bold>
        {safe(summary)}
      </Text>
      <Text wrap="truncate">{heading}</Text>
      <PageNote text={note} error={Boolean(error)} />
      {view === 'dashboards' ? (
        <Table
          {...common}
          rows={dashboards}
          columns={dashboardColumns}
          rowKey={(d) => d.id}
          emptyText={subscription?.status === 'active' ? 'No dashboards.' : 'No subscription.'}
        />
      ) : (
        <Table
          {...common}
          rows={users}
          columns={userColumns(edition)}
          rowKey={(u) => u.arn}
          emptyText="No users: cws-tui quicksight register <name> reader --email ADDRESS"
        />
      )}
    </Box>
  );
}
