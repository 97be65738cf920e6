/** A one-line text field's content and where the cursor is (0..length, in code points). */
export interface TextFieldState {
  text: string;
  cursor: number;
}

/** The keys a text field takes (besides printable text and a paste), as the dispatcher names them. */
export const TEXT_EDIT_KEYS = [
  'left',
  'right',
  'home',
  'end',
  'ctrl+a',
  'ctrl+e',
  'ctrl+b',
  'ctrl+f',
  'ctrl+u',
  'ctrl+k',
  'ctrl+w',
  'alt+b',
  'alt+f',
  'alt+backspace',
  'backspace',
] as const;

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char);

function wordStartBefore(chars: readonly string[], from: number): number {
  let at = from;
  while (at > 0 && !isWordChar(chars[at - 1])) at--;
  while (at > 0 && isWordChar(chars[at - 1])) at--;
  return at;
}

function wordEndAfter(chars: readonly string[], from: number): number {
  let at = from;
  while (at < chars.length && !isWordChar(chars[at])) at++;
  while (at < chars.length && isWordChar(chars[at])) at++;
  return at;
}

/**
 * The usual line-editing keys (readline's): Left/Right/Home/End and Ctrl-A/E/B/F move, Alt-B/F move
 * by word, Backspace, Ctrl-U/K/W and Alt-Backspace delete, and printable text or a paste is inserted
 * at the cursor. Returns undefined for a key a text field does not take.
 */
export function editText(state: TextFieldState, keyName: string, typed: string): TextFieldState | undefined {
  const chars = Array.from(state.text);
  const cursor = Math.max(0, Math.min(state.cursor, chars.length));
  const join = (list: readonly string[], at: number): TextFieldState => ({ text: list.join(''), cursor: at });
  switch (keyName) {
    case 'left':
    case 'ctrl+b':
      return { text: state.text, cursor: Math.max(0, cursor - 1) };
    case 'right':
    case 'ctrl+f':
      return { text: state.text, cursor: Math.min(chars.length, cursor + 1) };
    case 'home':
    case 'ctrl+a':
      return { text: state.text, cursor: 0 };
    case 'end':
    case 'ctrl+e':
      return { text: state.text, cursor: chars.length };
    case 'alt+b':
      return { text: state.text, cursor: wordStartBefore(chars, cursor) };
    case 'alt+f':
      return { text: state.text, cursor: wordEndAfter(chars, cursor) };
    case 'backspace':
      return cursor === 0 ? state : join([...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor - 1);
    case 'ctrl+u':
      return join(chars.slice(cursor), 0);
    case 'ctrl+k':
      return join(chars.slice(0, cursor), cursor);
    case 'ctrl+w':
    case 'alt+backspace': {
      const start = wordStartBefore(chars, cursor);
      return join([...chars.slice(0, start), ...chars.slice(cursor)], start);
    }
    default: {
      const text = keyName === 'space' ? ' ' : keyName === 'paste' ? typed.replace(/[\r\n\t]+/g, ' ') : typed;
      // Anything else with a control character (Enter, Tab, Esc, a sequence) is not text.
      if (text === '' || /[\u0000-\u001F\u007F]/.test(text)) return undefined;
      const inserted = Array.from(text);
      return join([...chars.slice(0, cursor), ...inserted, ...chars.slice(cursor)], cursor + inserted.length);
    }
  }
}
