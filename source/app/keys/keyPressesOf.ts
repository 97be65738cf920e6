import type { Key } from 'ink';
import { keyNameOf } from './keyNameOf.js';

export interface KeyPress {
  name: string;
  text: string;
}

function nameOfCharacter(char: string): string {
  if (char === '\r' || char === '\n') return 'enter';
  if (char === '\t') return 'tab';
  if (char === '\u007F' || char === '\b') return 'backspace';
  if (char === ' ') return 'space';
  const code = char.charCodeAt(0);
  if (code > 0 && code < 0x1b) return `ctrl+${String.fromCharCode(code + 96)}`;
  return char;
}

/**
 * The key presses in one input event. Ink passes several characters read at once (a paste, or
 * keys typed faster than a read over a slow link) as one string: each is a press of its own, so
 * `name` + Enter confirms and `jj` moves twice.
 */
export function keyPressesOf(input: string, key: Key): KeyPress[] {
  const chars = Array.from(input);
  if (chars.length <= 1 || input.startsWith('\u001B') || key.ctrl || key.meta) {
    return [{ name: keyNameOf(input, key), text: input }];
  }
  return chars.map((char) => ({ name: nameOfCharacter(char), text: char }));
}
