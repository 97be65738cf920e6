import { Text } from 'ink';
import { useActions } from '../app/keys/useActions.js';
import { useTheme } from '../app/ThemeContext.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { TextField } from './TextField.js';
import { useTextInput } from './useTextInput.js';

export interface FilterBarProps {
  text: string;
  /** Typing goes into the filter (keys do not reach the screen) until Enter or Esc. */
  editing: boolean;
  /** Changes the text; an edit function, since several keys can arrive before the next frame. */
  onEdit: (edit: (text: string) => string) => void;
  /** Enter: keep the filter and give the keys back to the screen. */
  onAccept: () => void;
  /** Esc: drop the filter. */
  onClear: () => void;
}

/** The `/` filter line of the current page. */
export function FilterBar({ text, editing, onEdit, onAccept, onClear }: FilterBarProps) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      <Text color={theme.accent}>/</Text>
      {editing ? (
        <FilterInput text={text} onEdit={onEdit} onAccept={onAccept} onClear={onClear} />
      ) : (
        sanitizeForTerminal(text)
      )}
      {editing ? null : <Text color={theme.muted}> (/ edit · Esc clear)</Text>}
    </Text>
  );
}

function FilterInput({ text, onEdit, onAccept, onClear }: Omit<FilterBarProps, 'editing'>) {
  const input = useTextInput(text);
  useActions(
    [
      { key: 'enter', label: 'apply filter', run: onAccept },
      { key: 'esc', label: 'clear filter', run: onClear },
      ...input.actions.map((action) => ({
        ...action,
        run: () => {
          action.run();
          onEdit(() => input.current());
        },
      })),
    ],
    {
      layer: 'modal',
      typing: true,
      bufferedText: true,
      onText: (typed, keyName) => {
        if (input.onText(keyName === 'paste' ? sanitizeForTerminal(typed) : typed, keyName))
          onEdit(() => input.current());
        return true;
      },
    },
  );
  return <TextField state={input.state} width={60} />;
}
