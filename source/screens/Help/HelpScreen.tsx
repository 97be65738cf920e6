import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { type Action, keysOf } from '../../app/keys/Action.js';
import { formatKey } from '../../app/keys/formatKey.js';
import { useKeyDispatcher } from '../../app/keys/KeyDispatcherContext.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { useTheme } from '../../app/ThemeContext.js';
import { fitText } from '../../components/fitText.js';

const KEY_WIDTH = 18;

interface HelpLine {
  kind: 'title' | 'entry';
  text: string;
  keys?: string;
}

function entries(actions: readonly Action[]): HelpLine[] {
  const seen = new Set<string>();
  return actions.flatMap((action) => {
    const keys = keysOf(action).map(formatKey).join(' ');
    if (seen.has(keys)) return [];
    seen.add(keys);
    return [{ kind: 'entry' as const, keys, text: action.label }];
  });
}

/**
 * The `?` page: the keys of the page it was opened from, the keys that work everywhere, and the
 * palette's commands, all read from the registered action maps and the page registry.
 */
export function HelpScreen({ page, width, height, filter }: ScreenProps) {
  const theme = useTheme();
  const dispatcher = useKeyDispatcher();
  const { commands } = useShell();
  const [offset, setOffset] = useState(0);
  const lines = useMemo(() => {
    const from = page.openedFrom;
    const all: HelpLine[] = [
      ...(from && from.actions.length > 0
        ? [{ kind: 'title' as const, text: `Keys on ${from.title}` }, ...entries(from.actions)]
        : []),
      { kind: 'title', text: 'Keys everywhere' },
      ...entries(dispatcher.globalActions()),
      { kind: 'entry', keys: '^C', text: 'quit' },
      { kind: 'title', text: 'Commands (press : then a command, Tab completes)' },
      ...commands.map((command) => ({
        kind: 'entry' as const,
        keys: `:${command.name}`,
        text: command.summary,
      })),
    ];
    const needle = filter.toLowerCase();
    return needle
      ? all.filter(
          (line) => line.kind === 'title' || `${line.keys} ${line.text}`.toLowerCase().includes(needle),
        )
      : all;
  }, [page.openedFrom, dispatcher, commands, filter]);
  const maxOffset = Math.max(0, lines.length - height);
  const scroll = (delta: number) => setOffset((current) => Math.max(0, Math.min(maxOffset, current + delta)));
  useActions([
    { key: ['j', 'down'], label: 'scroll down', footer: false, run: () => scroll(1) },
    { key: ['k', 'up'], label: 'scroll up', footer: false, run: () => scroll(-1) },
    { key: ['pgdn', 'ctrl+f'], label: 'page down', footer: false, run: () => scroll(height) },
    { key: ['pgup', 'ctrl+b'], label: 'page up', footer: false, run: () => scroll(-height) },
    { key: ['g', 'home'], label: 'top', footer: false, run: () => setOffset(0) },
    { key: ['G', 'end'], label: 'bottom', footer: false, run: () => setOffset(maxOffset) },
  ]);
  const first = Math.min(offset, maxOffset);
  return (
    <Box flexDirection="column" height={height} width={width}>
      {lines.slice(first, first + height).map((line, index) =>
        line.kind === 'title' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines are a fixed list for this render
          <Text key={index} bold color={theme.accent} wrap="truncate">
            {line.text}
          </Text>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the lines are a fixed list for this render
          <Text key={index} wrap="truncate">
            {'  '}
            <Text bold>{fitText(line.keys ?? '', KEY_WIDTH)}</Text> {line.text}
          </Text>
        ),
      )}
    </Box>
  );
}
