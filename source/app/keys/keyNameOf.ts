import type { Key } from 'ink';

/**
 * One name per key press, so action maps can say `ctrl+d` or `pgdn` instead of testing Ink's flags.
 * ESC followed by a key in the same read (Alt+key, or Esc then a key over a slow link) is `alt+`
 * that key, never the key alone: Esc then Enter must not act as Enter.
 */
export function keyNameOf(input: string, key: Key): string {
  if (key.escape) return 'esc';
  const plain = plainKeyNameOf(input, key);
  const alt = key.meta && (key.return || key.backspace || key.delete || (input.length === 1 && !key.ctrl));
  return alt ? `alt+${plain}` : plain;
}

function plainKeyNameOf(input: string, key: Key): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  // Ctrl-Enter: the kitty protocol's CSI 13;5u, or the line feed many terminals send for it.
  if (key.return) return key.ctrl ? 'ctrl+enter' : 'enter';
  if (input === '\n') return 'ctrl+enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  // Most terminals send DEL for Backspace, which Ink reports as `delete`.
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input;
}
