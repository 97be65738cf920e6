import { useMemo } from 'react';
import type { Action } from '../../app/keys/Action.js';
import { useShell } from '../../app/ShellContext.js';
import { DEMO_ACCOUNT_PROFILE } from '../../app/session/demoAccountProfile.js';
import type { ProfileListing } from '../../app/session/profileDirectory.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { ProfilesTab } from './ProfilesTab.js';
import { type ProfileRow, profileColumns } from './profileColumns.js';
import type { ProfilePrompts } from './useProfilePrompts.js';

const rowKey = (row: ProfileRow) => row.name;

function matches(row: ProfileRow, filter: string): boolean {
  const needle = filter.toLowerCase();
  const { profile } = row;
  const texts = profile
    ? [profile.name, profile.aws_profile, profile.region, profile.research_user ?? '', profile.kind]
    : [row.name, 'demo'];
  return texts.some((text) => text.toLowerCase().includes(needle));
}

/**
 * The profiles tab: the config's profiles and, always last, the demo account to return to. Enter
 * switches (the session reopens on it), `a` accepts an invitation, `d` deletes a profile other
 * than this session's after its name is typed.
 */
export function useProfilesTab(
  {
    width,
    height,
    filter,
    listing,
    switching,
  }: { width: number; height: number; filter: string; listing: ProfileListing; switching?: string },
  prompts: ProfilePrompts,
  switchTo: (name: string) => void,
): ProfilesTab {
  const { session } = useShell();
  const rows = useMemo(
    () =>
      [
        ...listing.profiles.map((profile): ProfileRow => ({ name: profile.name, profile })),
        { name: DEMO_ACCOUNT_PROFILE },
      ].filter((row) => filter === '' || matches(row, filter)),
    [listing, filter],
  );
  const cursor = useListCursor(
    useMemo(() => rows.map(rowKey), [rows]),
    height - 2,
  );
  const selected = rows[cursor.index];
  // The demo row is this session's when the session runs on the demo account without a profile.
  const sessionRow =
    session.info.account_kind === 'demo' && !listing.profiles.some((p) => p.name === session.info.profile)
      ? DEMO_ACCOUNT_PROFILE
      : session.info.profile;
  const marked = useMemo(() => new Set([listing.current ?? DEMO_ACCOUNT_PROFILE]), [listing]);
  const actions: Action[] = [
    ...cursor.actions,
    {
      key: 'enter',
      label: 'switch',
      when: () => selected !== undefined && selected.name !== sessionRow && !switching,
      run: () => selected && switchTo(selected.name),
    },
    { key: 'a', label: 'accept invitation', mutates: true, run: prompts.acceptInvitation },
    { key: 'u', label: 'new research user', mutates: true, run: prompts.createResearchUser },
    {
      key: 'd',
      label: 'delete profile',
      dangerous: true,
      when: () => selected?.profile !== undefined && selected.name !== sessionRow,
      run: () =>
        selected?.profile &&
        prompts.confirmDeletion('profile', selected.name, async () => {
          session.deleteProfile(selected.name);
          return `Deleted profile ${selected.name} (its research user and keys stay)`;
        }),
    },
  ];
  return {
    actions,
    footer:
      listing.problems.length > 0
        ? { text: sanitizeForTerminal(listing.problems.join('; ')), tone: 'danger' }
        : {
            text: `* opens next · ${DEMO_ACCOUNT_PROFILE} is the demo account, no profile`,
            tone: 'muted',
          },
    body: (
      <Table
        rows={rows}
        columns={profileColumns(width)}
        rowKey={rowKey}
        selectedIndex={cursor.index}
        width={width}
        height={height}
        marked={marked}
        emptyText="No profile matches the filter (Esc clears it)."
      />
    ),
  };
}
