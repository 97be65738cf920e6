import { editText } from '../../components/editText.js';

/** A multi-line query being edited: its lines and the cursor (line, code point). */
export interface QueryEditorState {
  lines: string[];
  line: number;
  column: number;
}

export function editorOf(text: string): QueryEditorState {
  const lines = text.split('\n');
  const last = lines.length - 1;
  return { lines, line: last, column: Array.from(lines[last] ?? '').length };
}

export function editorText(state: QueryEditorState): string {
  return state.lines.join('\n');
}

const length = (text: string | undefined) => Array.from(text ?? '').length;

/**
 * One key in the editor: Enter splits the line, Backspace at a line's start joins it to the one
 * above, up/down move between lines; the rest is the one-line field's editing (editText). Up on
 * the first line and down on the last are left to the caller (history): undefined.
 */
export function editQuery(
  state: QueryEditorState,
  keyName: string,
  typed: string,
): QueryEditorState | undefined {
  const { lines, line, column } = state;
  const current = lines[line] ?? '';
  if (keyName === 'enter' || (keyName === 'paste' && /[\r\n]/.test(typed))) {
    // A paste may hold several lines: each becomes its own.
    const chars = Array.from(current);
    const pasted = keyName === 'enter' ? ['', ''] : typed.replace(/\r\n?/g, '\n').split('\n');
    const head = chars.slice(0, column).join('') + (pasted[0] ?? '');
    const tail = chars.slice(column).join('');
    const middle = pasted.slice(1, -1);
    const lastPasted = pasted.at(-1) ?? '';
    const next = [...lines.slice(0, line), head, ...middle, lastPasted + tail, ...lines.slice(line + 1)];
    return { lines: next, line: line + pasted.length - 1, column: length(lastPasted) };
  }
  if (keyName === 'up' || keyName === 'down') {
    const target = line + (keyName === 'up' ? -1 : 1);
    if (target < 0 || target >= lines.length) return undefined;
    return { lines, line: target, column: Math.min(column, length(lines[target])) };
  }
  if (keyName === 'backspace' && column === 0) {
    if (line === 0) return state;
    const above = lines[line - 1] ?? '';
    const next = [...lines.slice(0, line - 1), above + current, ...lines.slice(line + 1)];
    return { lines: next, line: line - 1, column: length(above) };
  }
  const edited = editText({ text: current, cursor: column }, keyName, typed);
  if (!edited) return undefined;
  const next = [...lines];
  next[line] = edited.text;
  return { lines: next, line, column: edited.cursor };
}

/** The cursor at a line and column (0-based), kept inside the text. */
export function moveTo(state: QueryEditorState, line: number, column: number): QueryEditorState {
  const target = Math.max(0, Math.min(state.lines.length - 1, line));
  return { ...state, line: target, column: Math.max(0, Math.min(column, length(state.lines[target]))) };
}
