import { Text } from 'ink';
import { useActions } from '../app/keys/useActions.js';
import { useTheme } from '../app/ThemeContext.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';

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
      {sanitizeForTerminal(text)}
      {editing ? <FilterInput onEdit={onEdit} onAccept={onAccept} onClear={onClear} /> : null}
      {editing ? null : <Text color={theme.muted}> (/ edit · Esc clear)</Text>}
    </Text>
  );
}

function FilterInput({ onEdit, onAccept, onClear }: Omit<FilterBarProps, 'editing' | 'text'>) {
  const theme = useTheme();
  useActions(
    [
      { key: 'enter', label: 'apply filter', run: onAccept },
      { key: 'esc', label: 'clear filter', run: onClear },
    ],
    {
      layer: 'modal',
      typing: true,
      onText: (typed, keyName) => {
        if (keyName === 'backspace') onEdit((text) => text.slice(0, -1));
        else if (keyName === 'space') onEdit((text) => `${text} `);
        else if (typed.length > 0 && !typed.startsWith('\u001B'))
          onEdit((text) => text + sanitizeForTerminal(typed));
        return true;
      },
    },
  );
  return <Text inverse={theme.color}>{theme.color ? ' ' : '_'}</Text>;
}
