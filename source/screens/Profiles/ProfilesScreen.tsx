import { Box, Text } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import type { InvitationAcceptance } from '../../app/session/profileDirectory.js';
import { useAppStore } from '../../app/store/useAppState.js';
import { useTheme } from '../../app/ThemeContext.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import type { Profile } from '../../core/config/profileSchema.js';
import { decodeInvitationToken, type InvitationPayload } from '../../core/identity/invitationToken.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { profileColumns } from './profileColumns.js';
import { TEXT_PROMPT_DIALOG_HEIGHT, TextPromptDialog } from './TextPromptDialog.js';

/** The line that says which profile this session runs as, and the one under the table. */
const STATUS_ROWS = 2;

const profileKey = (profile: Profile) => profile.name;

function matches(profile: Profile, filter: string): boolean {
  const needle = filter.toLowerCase();
  return [profile.name, profile.aws_profile, profile.region, profile.research_user ?? '', profile.kind].some(
    (text) => text.toLowerCase().includes(needle),
  );
}

/**
 * The profile switcher: the config's profiles, switching (the session is reopened on the profile,
 * so nothing of the previous one stays shown), accepting an invitation, and creating a research user.
 */
export function ProfilesScreen({ width, height, filter }: ScreenProps) {
  const shell = useShell();
  const store = useAppStore();
  const theme = useTheme();
  const { session } = shell;
  // Read when the page opens (a switch reopens every page) and again after a change here.
  const [listing, setListing] = useState(() => session.profiles());
  const reload = () => setListing(session.profiles());
  const [switching, setSwitching] = useState<string | undefined>(undefined);
  const rows = useMemo(
    () => listing.profiles.filter((profile) => filter === '' || matches(profile, filter)),
    [listing, filter],
  );
  const keys = useMemo(() => rows.map(profileKey), [rows]);
  const tableHeight = Math.max(2, height - STATUS_ROWS);
  const cursor = useListCursor(keys, tableHeight - 2);
  const columns = useMemo(() => profileColumns(width), [width]);
  const selected = cursor.index === -1 ? undefined : rows[cursor.index];
  const current = useMemo(() => new Set(listing.current ? [listing.current] : []), [listing]);

  const switchTo = (profile: Profile) => {
    if (switching) return;
    setSwitching(profile.name);
    shell.switchProfile(profile.name).then(
      () => {
        // Remembered for the next start and for commands, as `profiles use` does.
        session.setCurrentProfile(profile.name);
        store.flash('success', `Switched to profile ${sanitizeForTerminal(profile.name)}`);
      },
      (error: unknown) => {
        setSwitching(undefined);
        const { message, hint } = describeError(error);
        store.flash('error', `Could not open profile ${sanitizeForTerminal(profile.name)}: ${message}`, hint);
      },
    );
  };

  // Each prompt is a new dialog, so a follow-up question starts with an empty field.
  const promptsRef = useRef(0);
  const prompt = (title: string, text: string, submit: (typed: string) => Promise<string | undefined>) =>
    shell.showModal({
      height: TEXT_PROMPT_DIALOG_HEIGHT,
      node: (
        <TextPromptDialog
          key={++promptsRef.current}
          title={title}
          prompt={text}
          width={width}
          onCancel={shell.closeModal}
          onSubmit={async (typed) => {
            if (typed.trim() === '') return 'Type something, or Esc to cancel.';
            try {
              return await submit(typed.trim());
            } catch (error) {
              return describeError(error).message;
            }
          }}
        />
      ),
    });

  const finishAccepting = async (acceptance: InvitationAcceptance): Promise<undefined> => {
    const accepted = await session.acceptInvitation(acceptance);
    shell.closeModal();
    reload();
    const user = accepted.user_created
      ? `created research user ${accepted.user.username} (UID ${accepted.user.uid})`
      : `research user ${accepted.user.username} (UID ${accepted.user.uid})`;
    store.flash(
      'success',
      sanitizeForTerminal(`Added profile ${accepted.profile.name} from ${accepted.payload.issuer}; ${user}`),
      sanitizeForTerminal(
        `Compare the root key ${accepted.root_fingerprint} with the one your institution publishes.`,
      ),
    );
    return undefined;
  };

  // What `invite accept` takes as --profile and --user is asked for here when the token needs it.
  const continueAccepting = (acceptance: InvitationAcceptance, payload: InvitationPayload) => {
    const profileName = acceptance.profile_name ?? payload.profile.name;
    if (session.profiles().profiles.some((profile) => profile.name === profileName)) {
      prompt(
        'Accept an invitation',
        `A profile named ${sanitizeForTerminal(profileName)} exists. Name this one:`,
        async (name) => continueAccepting({ ...acceptance, profile_name: name }, payload),
      );
      return Promise.resolve(undefined);
    }
    if ((acceptance.username ?? payload.username) === undefined) {
      prompt('Accept an invitation', 'The invitation names no research user. Username:', async (username) =>
        continueAccepting({ ...acceptance, username }, payload),
      );
      return Promise.resolve(undefined);
    }
    return finishAccepting(acceptance);
  };

  const acceptInvitation = () =>
    prompt('Accept an invitation', 'Paste the invitation token:', async (token) =>
      continueAccepting({ token }, decodeInvitationToken(token, new Date())),
    );

  const createUser = () =>
    prompt('Create a research user', 'Username (lowercase letters, digits, _ or -):', async (username) => {
      const created = await session.createResearchUser({ username });
      shell.closeModal();
      store.flash(
        'success',
        sanitizeForTerminal(`Created research user ${created.user.username} with UID ${created.user.uid}`),
        created.private_key_path
          ? sanitizeForTerminal(`Private key: ${created.private_key_path} (mode 0600)`)
          : undefined,
      );
      return undefined;
    });

  const actions: Action[] = [
    ...cursor.actions,
    {
      key: 'enter',
      label: 'switch',
      when: () => selected !== undefined && selected.name !== session.info.profile && !switching,
      run: () => selected && switchTo(selected),
    },
    { key: 'a', label: 'accept invitation', run: acceptInvitation },
    { key: 'u', label: 'new research user', run: createUser },
  ];
  useActions(actions);

  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        This session: profile <Text bold>{sanitizeForTerminal(session.info.profile)}</Text>
        {session.info.research_user ? ` as ${sanitizeForTerminal(session.info.research_user)}` : ''}
        {switching ? <Text color={theme.warning}> · opening {sanitizeForTerminal(switching)}…</Text> : null}
      </Text>
      <Table
        rows={rows}
        columns={columns}
        rowKey={profileKey}
        selectedIndex={cursor.index}
        width={width}
        height={tableHeight}
        marked={current}
        emptyText={
          filter
            ? 'No profile matches the filter (Esc clears it).'
            : 'No profiles yet: accept an invitation (a), or create one with cws-tui profiles create.'
        }
      />
      <Text wrap="truncate" color={listing.problems.length > 0 ? theme.danger : theme.muted}>
        {listing.problems.length > 0
          ? sanitizeForTerminal(listing.problems.join('; '))
          : '* the profile new sessions and commands open with'}
      </Text>
    </Box>
  );
}
