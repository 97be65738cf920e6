import { useEffect, useMemo, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useShell } from '../../app/ShellContext.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import { WaitSpinner } from '../../components/WaitSpinner.js';
import type { ResearchUser } from '../../core/identity/ResearchUser.js';
import type { ProfilesTab } from './ProfilesTab.js';
import { researchUserColumns } from './researchUserColumns.js';
import type { ProfilePrompts } from './useProfilePrompts.js';

const userKey = (user: ResearchUser) => user.username;

/**
 * The research users tab: the users of the profile's store (its team store when it has one) with
 * their UIDs; `u` creates one, and an admin deletes one with `d` after typing its name.
 */
export function useResearchUsersTab(
  { width, height, generation }: { width: number; height: number; generation: number },
  prompts: ProfilePrompts,
): ProfilesTab {
  const { session } = useShell();
  const [loaded, setLoaded] = useState<{ users?: ResearchUser[]; error?: string }>();
  useEffect(() => {
    void generation;
    let cancelled = false;
    session.researchUsers().then(
      (users) => !cancelled && setLoaded({ users }),
      (error: unknown) => !cancelled && setLoaded({ error: describeError(error).message }),
    );
    return () => {
      cancelled = true;
    };
  }, [session, generation]);
  const users = loaded?.users ?? [];
  const cursor = useListCursor(
    useMemo(() => users.map(userKey), [users]),
    height - 2,
  );
  const selected = users[cursor.index];
  const admin = session.profile.role === 'admin';
  const actions: Action[] = [
    ...cursor.actions,
    { key: 'u', label: 'new research user', mutates: true, run: prompts.createResearchUser },
    {
      key: 'd',
      label: 'delete user',
      dangerous: true,
      when: () => admin && selected !== undefined,
      run: () =>
        selected &&
        prompts.confirmDeletion('research user', selected.username, async () => {
          const deleted = await session.deleteResearchUser(selected.username);
          return `Deleted research user ${deleted.username} (UID ${deleted.uid} is retired, never given again)`;
        }),
    },
  ];
  return {
    actions,
    footer: loaded?.error
      ? { text: `The research users could not be read: ${loaded.error}`, tone: 'danger' }
      : {
          text: `${session.info.team_store ? `From ${session.info.team_store}` : 'From this machine'}${admin ? '' : ' · deleting a user needs an admin profile'}`,
          tone: 'muted',
        },
    body: !loaded ? (
      <WaitSpinner label="Reading the research users…" />
    ) : (
      <Table
        rows={users}
        columns={researchUserColumns(width)}
        rowKey={userKey}
        selectedIndex={cursor.index}
        width={width}
        height={height}
        emptyText="No research users yet: u creates one."
      />
    ),
  };
}
