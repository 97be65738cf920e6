const ESC = '\u001B';
const BEL = '\u0007';

/**
 * The sequence that asks the terminal to put `text` on the user's clipboard (OSC 52): it travels
 * through SSH to the terminal on the user's own machine. Inside tmux it is wrapped in tmux's DCS
 * passthrough (every ESC doubled), which needs `set -g allow-passthrough on` in tmux 3.3 and later.
 */
export function osc52Copy(text: string, env: NodeJS.ProcessEnv = {}): string {
  const sequence = `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
  if (!env.TMUX) return sequence;
  return `${ESC}Ptmux;${sequence.replaceAll(ESC, `${ESC}${ESC}`)}${ESC}\\`;
}
