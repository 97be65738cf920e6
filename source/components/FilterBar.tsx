import { Text } from 'ink';
import { useActions } from '../app/keys/useActions.js';
import { sanitizeForTerminal } from '../app/sanitizeForTerminal.js';
import { useTheme } from '../app/ThemeContext.js';

export interface FilterBarProps {
  text: string;
  /** Typing goes into the filter (keys do not reach the screen) until Enter or Esc. */
  editing: boolean;
  onChange: (text: string) => void;
  /** Enter: keep the filter and give the keys back to the screen. */
  onAccept: () => void;
  /** Esc: drop the filter. */
  onClear: () => void;
}

/** The `/` filter line of the current page. */
export function FilterBar({ text, editing, onChange, onAccept, onClear }: FilterBarProps) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      <Text color={theme.accent}>/</Text>
      {sanitizeForTerminal(text)}
      {editing ? <FilterInput text={text} onChange={onChange} onAccept={onAccept} onClear={onClear} /> : null}
      {editing ? null : <Text color={theme.muted}> (/ edit · Esc clear)</Text>}
    </Text>
  );
}

function FilterInput({ text, onChange, onAccept, onClear }: Omit<FilterBarProps, 'editing'>) {
  const theme = useTheme();
  useActions(
    [
      { key: 'enter', label: 'apply filter', run: onAccept },
      { key: 'esc', label: 'clear filter', run: onClear },
    ],
    {
      layer: 'modal',
      onText: (typed, keyName) => {
        if (keyName === 'backspace') onChange(text.slice(0, -1));
        else if (keyName === 'space') onChange(`${text} `);
        else if (typed.length > 0 && !typed.startsWith('\u001B')) onChange(text + sanitizeForTerminal(typed));
        return true;
      },
    },
  );
  return <Text inverse={theme.color}>{theme.color ? ' ' : '_'}</Text>;
}
