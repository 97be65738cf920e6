import { Text } from 'ink';
import { useTheme } from '../app/ThemeContext.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import type { TextFieldState } from './editText.js';

export interface TextFieldProps {
  state: TextFieldState;
  /** Cells it may take; a longer text scrolls so the cursor stays in view. */
  width: number;
  focused?: boolean;
}

/** A one-line text field with its cursor (a block, or `_` without colour). */
export function TextField({ state, width, focused = true }: TextFieldProps) {
  const theme = useTheme();
  const chars = Array.from(sanitizeForTerminal(state.text));
  const cursor = Math.min(state.cursor, chars.length);
  const room = Math.max(4, width - 1);
  // Scrolls so the cursor is in view; `…` says there is more on that side.
  const start = Math.max(0, Math.min(cursor - Math.floor(room / 2), chars.length + 1 - room));
  const end = Math.min(chars.length, start + room);
  const before = `${start > 0 ? '…' : ''}${chars.slice(start > 0 ? start + 1 : start, cursor).join('')}`;
  const under = chars[cursor] ?? ' ';
  const after = `${chars.slice(cursor + 1, end).join('')}${end < chars.length ? '…' : ''}`;
  if (!focused) return <Text>{chars.slice(0, room).join('')}</Text>;
  return (
    <Text>
      {before}
      {theme.color ? <Text inverse>{under}</Text> : `_${under === ' ' ? '' : under}`}
      {after}
    </Text>
  );
}
