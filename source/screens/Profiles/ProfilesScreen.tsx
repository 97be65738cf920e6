import { Box, Text } from 'ink';
import { useState } from 'react';
import { describeError } from '../../app/describeError.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { DEMO_ACCOUNT_PROFILE } from '../../app/session/demoAccountProfile.js';
import { useAppStore } from '../../app/store/useAppState.js';
import { useTheme } from '../../app/ThemeContext.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { useGlobusSignIn } from './useGlobusSignIn.js';
import { useProfilePrompts } from './useProfilePrompts.js';
import { useProfilesTab } from './useProfilesTab.js';
import { useResearchUsersTab } from './useResearchUsersTab.js';

/** The line that says which profile this session runs as (and the tabs), and the one under the table. */
const STATUS_ROWS = 2;
type Tab = 'profiles' | 'users';

/**
 * The profile switcher: the config's profiles and the demo account (switching reopens the session
 * on it, so nothing of the previous one stays shown), accepting an invitation (then asking whether
 * to switch), deleting a profile, and a research users tab. Tab goes from one tab to the other.
 */
export function ProfilesScreen({ width, height, filter }: ScreenProps) {
  const shell = useShell();
  const store = useAppStore();
  const theme = useTheme();
  const { session } = shell;
  const [tab, setTab] = useState<Tab>('profiles');
  // Read when the page opens (a switch reopens every page) and again after a change here.
  const [listing, setListing] = useState(() => session.profiles());
  const [generation, setGeneration] = useState(0);
  const changed = () => {
    setListing(session.profiles());
    setGeneration((current) => current + 1);
  };
  const [switching, setSwitching] = useState<string | undefined>(undefined);

  const switchTo = (name: string) => {
    if (switching) return;
    setSwitching(name);
    const shown = name === DEMO_ACCOUNT_PROFILE ? 'the demo account' : `profile ${name}`;
    // Remembered for the next start and for commands, as `profiles use` does; before the switch, so
    // the reopened pages read it, and put back if the profile cannot be opened.
    const before = session.profiles().current;
    session.setCurrentProfile(name);
    shell.switchProfile(name).then(
      () => store.flash('success', sanitizeForTerminal(`Switched to ${shown}`)),
      (error: unknown) => {
        session.setCurrentProfile(before ?? DEMO_ACCOUNT_PROFILE);
        setSwitching(undefined);
        const { message, hint } = describeError(error);
        store.flash('error', sanitizeForTerminal(`Could not open ${shown}: ${message}`), hint);
      },
    );
  };

  const tableHeight = Math.max(2, height - STATUS_ROWS);
  const prompts = useProfilePrompts(width, changed, switchTo);
  const tabs = {
    profiles: useProfilesTab(
      { width, height: tableHeight, filter, listing, ...(switching ? { switching } : {}) },
      prompts,
      switchTo,
    ),
    users: useResearchUsersTab({ width, height: tableHeight, generation }, prompts),
  };
  const current = tabs[tab];
  const signInWithGlobus = useGlobusSignIn(width, changed);
  useActions([
    // Before the list's own `g` (first row, which Home still does): `g` signs in to Globus here.
    { key: 'g', label: 'Globus sign-in', mutates: true, run: signInWithGlobus },
    ...current.actions,
    {
      key: 'tab',
      label: tab === 'profiles' ? 'research users' : 'profiles',
      run: () => setTab((shown) => (shown === 'profiles' ? 'users' : 'profiles')),
    },
  ]);

  const tabLabel = (name: Tab, label: string) => (
    <Text
      bold={tab === name}
      inverse={tab === name && theme.color}
      color={tab === name ? undefined : theme.muted}
    >
      {tab === name && !theme.color ? `[${label}]` : ` ${label} `}
    </Text>
  );
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        {tabLabel('profiles', 'Profiles')}
        {tabLabel('users', 'Research users')} This session: profile{' '}
        <Text bold>{sanitizeForTerminal(session.info.profile)}</Text>
        {session.info.research_user ? ` as ${sanitizeForTerminal(session.info.research_user)}` : ''}
        {switching ? (
          <Text color={theme.warning}>
            {' '}
            · opening{' '}
            {sanitizeForTerminal(switching === DEMO_ACCOUNT_PROFILE ? 'the demo account' : switching)}…
          </Text>
        ) : null}
      </Text>
      <Box height={tableHeight} flexDirection="column">
        {current.body}
      </Box>
      <Text wrap="truncate" color={current.footer.tone === 'danger' ? theme.danger : theme.muted}>
        {current.footer.text}
      </Text>
    </Box>
  );
}
