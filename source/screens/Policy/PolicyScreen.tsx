import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { useTheme } from '../../app/ThemeContext.js';
import { WaitSpinner } from '../../components/WaitSpinner.js';
import { numberLines, type PolicyLine, policyLines } from './policyLines.js';
import { policyToneColor } from './policyToneColor.js';
import { useWhatIfForm } from './useWhatIfForm.js';

/** Under the restrictions: the what-if's title and its verdict in one line. */
const SUMMARY_ROWS = 2;

function LineView({ line }: { line: PolicyLine }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate" bold={line.tone === 'heading'} color={policyToneColor(theme, line.tone)}>
      {line.text === '' ? ' ' : line.text}
    </Text>
  );
}

/**
 * The policy viewer: the restrictions in force and the invitation chain they come from, with the
 * what-if's verdict under them; `w` opens the what-if form on the whole page (a launch's template,
 * size or type, region, purchase and tags, checked as `launch` checks it, every reason listed).
 */
export function PolicyScreen({ width, height }: ScreenProps) {
  const shell = useShell();
  const theme = useTheme();
  const { session } = shell;
  // Kind, role and chain as verified from the signature, with any hand edit of the config named.
  const { profile, verification } = useMemo(() => {
    const listing = session.profiles();
    const prefix = `profile '${session.info.profile}': `;
    return {
      profile: listing.profiles.find((candidate) => candidate.name === session.info.profile),
      verification: listing.problems.filter((problem) => problem.startsWith(prefix)),
    };
  }, [session]);
  const lines = useMemo(
    () => numberLines(policyLines(session.profile.policy, session.info.profile, profile, verification)),
    [session, profile, verification],
  );
  const whatIf = useWhatIfForm();
  const [formOpen, setFormOpen] = useState(false);
  const [top, setTop] = useState(0);

  const viewHeight = Math.max(1, height - SUMMARY_ROWS);
  const maxTop = Math.max(0, lines.length - viewHeight);
  const scrollBy = (delta: number) => setTop((current) => Math.max(0, Math.min(maxTop, current + delta)));

  const actions: Action[] = formOpen
    ? [
        ...whatIf.actions,
        ...(whatIf.typing
          ? []
          : [{ key: 'esc', label: 'restrictions', run: () => setFormOpen(false) } satisfies Action]),
      ]
    : [
        { key: ['j', 'down'], label: 'down', footer: false, run: () => scrollBy(1) },
        { key: ['k', 'up'], label: 'up', footer: false, run: () => scrollBy(-1) },
        { key: ['pgdn', 'ctrl+f'], label: 'page down', footer: false, run: () => scrollBy(viewHeight) },
        { key: ['pgup', 'ctrl+b'], label: 'page up', footer: false, run: () => scrollBy(-viewHeight) },
        { key: 'w', label: 'what if', run: () => setFormOpen(true) },
      ];
  useActions(actions, {
    typing: formOpen && whatIf.typing,
    onText: (text, keyName) => formOpen && whatIf.onText(text, keyName),
  });

  if (formOpen) return whatIf.view(height, width);
  const shownTop = Math.min(top, maxTop);
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" height={viewHeight}>
        {lines.slice(shownTop, shownTop + viewHeight).map((line) => (
          <LineView key={line.number} line={line} />
        ))}
      </Box>
      <Text wrap="truncate" bold color={theme.accent}>
        What if{' '}
        <Text color={theme.muted} bold={false}>
          (w: template, size, type, region, spot, tags)
          {shownTop + viewHeight < lines.length ? ' · j/k scroll' : ''}
        </Text>
      </Text>
      {whatIf.verdict ? (
        <LineView line={whatIf.verdict} />
      ) : (
        <WaitSpinner label="Checking as the launch would…" />
      )}
    </Box>
  );
}
