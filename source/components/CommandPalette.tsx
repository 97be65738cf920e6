import { Text } from 'ink';
import { useRef, useState } from 'react';
import { useActions } from '../app/keys/useActions.js';
import { completeCommand, type PaletteCommand } from '../app/pages/PaletteCommand.js';
import { useTheme } from '../app/ThemeContext.js';
import { DIALOG_CHROME_ROWS, Dialog } from './Dialog.js';
import { fitText } from './fitText.js';

export interface CommandPaletteProps {
  commands: readonly PaletteCommand[];
  onClose: () => void;
}

const LISTED_MATCHES = 4;
export const COMMAND_PALETTE_HEIGHT = DIALOG_CHROME_ROWS + 1 + LISTED_MATCHES;

/** `:` then a command: Tab completes the highlighted match, Up/Down choose among the matches, Enter runs, Esc closes. */
export function CommandPalette({ commands, onClose }: CommandPaletteProps) {
  const theme = useTheme();
  const [input, setInput] = useState({ typed: '', chosen: 0 });
  // The latest input, read by keys that arrive before the next frame (a pasted `help` + Enter).
  const inputRef = useRef(input);
  const update = (next: { typed: string; chosen: number }) => {
    inputRef.current = next;
    setInput(next);
  };
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const highlightedOf = (current: { typed: string; chosen: number }) =>
    Math.min(current.chosen, Math.max(0, completeCommand(commands, current.typed).length - 1));
  const edit = (typed: string) => {
    update({ typed, chosen: 0 });
    setProblem(undefined);
  };
  const { typed } = input;
  const matches = completeCommand(commands, typed);
  const highlighted = highlightedOf(input);
  useActions(
    [
      {
        key: 'enter',
        label: 'run',
        run: () => {
          const current = inputRef.current;
          const wanted = current.typed.trim().toLowerCase();
          const exact = commands.find((command) => command.name === wanted);
          const command =
            exact ?? (wanted === '' ? undefined : completeCommand(commands, wanted)[highlightedOf(current)]);
          if (!command) {
            setProblem(
              wanted === '' ? 'Type a command.' : `No command ':${wanted}'. Tab lists the commands.`,
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
        // The highlighted match, as shells and k9s complete: Up/Down then Tab takes that one.
        run: () => {
          const current = inputRef.current;
          const chosen = completeCommand(commands, current.typed)[highlightedOf(current)];
          if (!chosen) return;
          const completed = completeCommand(commands, chosen.name);
          update({ typed: chosen.name, chosen: Math.max(0, completed.indexOf(chosen)) });
          setProblem(undefined);
        },
      },
      {
        key: 'up',
        label: 'previous',
        run: () => {
          const current = inputRef.current;
          update({ ...current, chosen: Math.max(0, highlightedOf(current) - 1) });
        },
      },
      {
        key: 'down',
        label: 'next',
        run: () => {
          const current = inputRef.current;
          const last = completeCommand(commands, current.typed).length - 1;
          update({ ...current, chosen: Math.max(0, Math.min(last, highlightedOf(current) + 1)) });
        },
      },
      { key: 'esc', label: 'close', run: onClose },
    ],
    {
      layer: 'modal',
      typing: true,
      onText: (text, keyName) => {
        const current = inputRef.current.typed;
        if (keyName === 'backspace') edit(current.slice(0, -1));
        else if (/^[a-z0-9-]+$/i.test(text)) edit(current + text.toLowerCase());
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
