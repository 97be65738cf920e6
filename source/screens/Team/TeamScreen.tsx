import { Box, Text } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import type { TeamOverview } from '../../app/session/teamOverview.js';
import { useAppStore } from '../../app/store/useAppState.js';
import { useTheme } from '../../app/ThemeContext.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import { describeCapScope } from '../../core/team/teamCaps.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import {
  budgetColumns,
  invitationColumns,
  TEAM_VIEW_TITLES,
  TEAM_VIEWS,
  type TeamView,
  userColumns,
} from './teamColumns.js';

const HEADER_ROWS = 2;
const NOTHING: TeamOverview = {
  store: '',
  can_revoke: false,
  users: [],
  invitations: [],
  budgets: [],
  caps: [],
  problems: [],
};

type Loaded =
  | { kind: 'loading' }
  | { kind: 'loaded'; overview: TeamOverview }
  | { kind: 'failed'; message: string };

const matches = (filter: string, ...texts: string[]) =>
  filter === '' || texts.some((text) => text.toLowerCase().includes(filter.toLowerCase()));

/** The lab's shared truth: its users and UIDs, invitations and budgets, from the team store. */
export function TeamScreen({ width, height, filter }: ScreenProps) {
  const shell = useShell();
  const store = useAppStore();
  const theme = useTheme();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [view, setView] = useState<TeamView>('users');
  const loadingRef = useRef(false);

  const load = useCallback(() => {
    if (loadingRef.current) return;
    loadingRef.current = true;
    shell.session.teamOverview().then(
      (overview) => {
        loadingRef.current = false;
        setLoaded({ kind: 'loaded', overview });
      },
      (error: unknown) => {
        loadingRef.current = false;
        setLoaded({ kind: 'failed', message: describeError(error).message });
      },
    );
  }, [shell.session]);
  useEffect(load, [load]);

  const overview = loaded.kind === 'loaded' ? loaded.overview : NOTHING;
  const users = useMemo(
    () => overview.users.filter((user) => matches(filter, user.username, user.email, String(user.uid))),
    [overview, filter],
  );
  const invitations = useMemo(
    () => overview.invitations.filter((row) => matches(filter, row.id, row.profile, row.issuer, row.state)),
    [overview, filter],
  );
  const budgets = useMemo(
    () => overview.budgets.filter((row) => matches(filter, row.scope)),
    [overview, filter],
  );
  const keys = useMemo(
    () =>
      view === 'users'
        ? users.map((user) => user.username)
        : view === 'invitations'
          ? invitations.map((row) => row.id)
          : budgets.map((row) => row.scope),
    [view, users, invitations, budgets],
  );
  const tableHeight = Math.max(2, height - HEADER_ROWS);
  const cursor = useListCursor(keys, tableHeight - 2);
  const selected = view === 'invitations' ? invitations[cursor.index] : undefined;

  const revoke = () => {
    if (!selected) return;
    shell.session.revokeInvitation(selected.id).then(
      () => {
        store.flash('success', `Revoked invitation ${sanitizeForTerminal(selected.id)}`);
        load();
      },
      (error: unknown) => {
        const { message, hint } = describeError(error);
        store.flash('error', `Could not revoke: ${message}`, hint);
      },
    );
  };

  const nextView = TEAM_VIEWS[(TEAM_VIEWS.indexOf(view) + 1) % TEAM_VIEWS.length] ?? 'users';
  const actions: Action[] = [
    ...cursor.actions,
    { key: 'tab', label: TEAM_VIEW_TITLES[nextView], run: () => setView(nextView) },
    ...TEAM_VIEWS.map(
      (target, index): Action => ({
        key: String(index + 1),
        label: TEAM_VIEW_TITLES[target],
        footer: false,
        run: () => setView(target),
      }),
    ),
    {
      key: 'x',
      label: 'revoke',
      dangerous: true,
      when: () => overview.can_revoke && selected?.state === 'open',
      run: revoke,
    },
    { key: 'r', label: 'refresh', run: load },
  ];
  useActions(actions);

  const emptyText =
    loaded.kind === 'loading'
      ? 'Reading the team store…'
      : filter
        ? 'Nothing matches the filter (Esc clears it).'
        : `No ${TEAM_VIEW_TITLES[view].toLowerCase()} in the team store yet.`;
  const note =
    loaded.kind === 'failed'
      ? { color: theme.danger, text: `Could not read the team store: ${loaded.message} (r tries again)` }
      : overview.problems.length > 0
        ? { color: theme.warning, text: `${overview.problems.join('; ')} (showing what is cached)` }
        : { color: theme.muted, text: storeNote(overview, view) };
  const common = { selectedIndex: cursor.index, width, height: tableHeight, emptyText };
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        {TEAM_VIEWS.map((target, index) => (
          <Text key={target} bold={target === view} inverse={target === view && theme.color}>
            {`${index > 0 ? '  ' : ''}${index + 1} ${TEAM_VIEW_TITLES[target]}${target === view && !theme.color ? '*' : ''}`}
          </Text>
        ))}
      </Text>
      <Text wrap="truncate" color={note.color}>
        {sanitizeForTerminal(note.text)}
      </Text>
      {view === 'users' ? (
        <Table rows={users} columns={userColumns(width)} rowKey={(user) => user.username} {...common} />
      ) : view === 'invitations' ? (
        <Table rows={invitations} columns={invitationColumns(theme)} rowKey={(row) => row.id} {...common} />
      ) : (
        <Table rows={budgets} columns={budgetColumns()} rowKey={(row) => row.scope} {...common} />
      )}
    </Box>
  );
}

/** The store's name, and with the budgets its running caps (`team cap`), which hold beside them. */
function storeNote(overview: TeamOverview, view: string): string {
  const store = overview.store || 'team store';
  if (view !== 'budgets' || overview.caps.length === 0) return store;
  const caps = overview.caps.map((cap) => `${describeCapScope(cap.scope)} ${cap.max_running}`);
  return `${store}; running caps: ${caps.join(', ')}`;
}
