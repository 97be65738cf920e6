import { Text } from 'ink';
import { useState } from 'react';
import { useActions } from '../app/keys/useActions.js';
import { commonPrefix, completeCommand, type PaletteCommand } from '../app/pages/PaletteCommand.js';
import { useTheme } from '../app/ThemeContext.js';
import { DIALOG_CHROME_ROWS, Dialog } from './Dialog.js';
import { fitText } from './fitText.js';

export interface CommandPaletteProps {
  commands: readonly PaletteCommand[];
  onClose: () => void;
}

const LISTED_MATCHES = 4;
export const COMMAND_PALETTE_HEIGHT = DIALOG_CHROME_ROWS + 1 + LISTED_MATCHES;

/** `:` then a command: Tab completes, Up/Down choose among the matches, Enter runs, Esc closes. */
export function CommandPalette({ commands, onClose }: CommandPaletteProps) {
  const theme = useTheme();
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState(0);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const matches = completeCommand(commands, typed);
  const highlighted = Math.min(chosen, Math.max(0, matches.length - 1));
  const edit = (next: string) => {
    setTyped(next);
    setChosen(0);
    setProblem(undefined);
  };
  useActions(
    [
      {
        key: 'enter',
        label: 'run',
        run: () => {
          const exact = commands.find((command) => command.name === typed.trim().toLowerCase());
          const command = exact ?? (typed.trim() === '' ? undefined : matches[highlighted]);
          if (!command) {
            setProblem(
              typed.trim() === ''
                ? 'Type a command.'
                : `No command ':${typed.trim()}'. Tab lists the commands.`,
            );
            return;
          }
          onClose();
          command.run();
        },
      },
      {
        key: 'tab',
        label: 'complete',
        run: () => {
          const prefix = commonPrefix(matches.map((command) => command.name));
          if (prefix.length > typed.length) edit(prefix);
        },
      },
      { key: 'up', label: 'previous', run: () => setChosen(Math.max(0, highlighted - 1)) },
      { key: 'down', label: 'next', run: () => setChosen(Math.min(matches.length - 1, highlighted + 1)) },
      { key: 'esc', label: 'close', run: onClose },
    ],
    {
      layer: 'modal',
      onText: (text, keyName) => {
        if (keyName === 'backspace') edit(typed.slice(0, -1));
        else if (/^[a-z0-9-]+$/i.test(text)) edit(typed + text.toLowerCase());
        return true;
      },
    },
  );
  const first = Math.max(0, highlighted - LISTED_MATCHES + 1);
  const listed = matches.slice(first, first + LISTED_MATCHES);
  return (
    <Dialog title="Command" height={COMMAND_PALETTE_HEIGHT}>
      <Text wrap="truncate">
        :{typed}
        <Text inverse={theme.color}>{theme.color ? ' ' : '_'}</Text>
        {problem ? <Text color={theme.danger}> {problem}</Text> : null}
      </Text>
      {listed.map((command, index) => {
        const selected = first + index === highlighted;
        return (
          <Text key={command.name} wrap="truncate" inverse={selected && theme.color} bold={selected}>
            {selected ? '>' : ' '} {fitText(`:${command.name}`, 14)}{' '}
            <Text color={theme.muted}>{command.summary}</Text>
          </Text>
        );
      })}
    </Dialog>
  );
}
