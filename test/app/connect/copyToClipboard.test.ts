import { describe, expect, it } from 'vitest';
import { copyToClipboard, type TmuxRunner } from '../../../source/app/connect/copyToClipboard.js';
import { clipboardRoute } from '../../../source/core/connect/clipboardRoute.js';

const URL = 'http://localhost:8888/lab?token=abc';
const OSC52 = `\u001B]52;c;${Buffer.from(URL).toString('base64')}\u0007`;

function fakeTmux(options: Record<string, string>): { run: TmuxRunner; calls: string[][] } {
  const calls: string[][] = [];
  const run: TmuxRunner = async (args) => {
    calls.push([...args]);
    const option = args[args.length - 1] ?? '';
    if (args[0] === 'set-buffer') return '';
    const value = options[option];
    if (value === undefined) throw new Error(`invalid option: ${option}`);
    return value;
  };
  return { run, calls };
}

describe('clipboardRoute', () => {
  it('sends OSC 52 as is outside tmux', () => {
    expect(clipboardRoute(URL, {}, undefined)).toEqual({
      kind: 'send',
      sequence: OSC52,
      message: "sent to the terminal's clipboard",
    });
  });

  it('wraps it for tmux passthrough only when tmux lets it through, and refuses to claim a copy otherwise', () => {
    const env = { TMUX: '/tmp/tmux-1000/default,1,0' };
    const through = clipboardRoute(URL, env, { passthrough: 'on', setClipboard: 'external' });
    expect(through.kind === 'send' && through.sequence.startsWith('\u001BPtmux;\u001B\u001B]52;c;')).toBe(
      true,
    );
    expect(clipboardRoute(URL, env, { passthrough: 'off', setClipboard: 'on' })).toMatchObject({
      sequence: OSC52,
    });
    const blocked = clipboardRoute(URL, env, { passthrough: 'off', setClipboard: 'external' });
    expect(blocked.kind).toBe('blocked');
    expect(blocked.message).toContain('tmux set -g allow-passthrough on');
  });
});

describe('copyToClipboard', () => {
  it('asks tmux, writes the passthrough copy and says it was sent', async () => {
    const written: string[] = [];
    const tmux = fakeTmux({ 'set-clipboard': 'external', 'allow-passthrough': 'allow-passthrough on' });
    const result = await copyToClipboard(URL, {
      env: { TMUX: 'x' },
      write: (s) => written.push(s),
      tmux: tmux.run,
    });
    expect(result).toEqual({
      sent: true,
      message: "sent to the terminal's clipboard (through tmux passthrough)",
    });
    expect(written[0]).toContain('\u001BPtmux;');
  });

  it("puts the text in tmux's paste buffer when tmux would drop the copy, and says so", async () => {
    const written: string[] = [];
    const tmux = fakeTmux({ 'set-clipboard': 'external', 'allow-passthrough': 'off' });
    const result = await copyToClipboard(URL, {
      env: { TMUX: 'x' },
      write: (s) => written.push(s),
      tmux: tmux.run,
    });
    expect(result.sent).toBe(false);
    expect(result.message).toContain("tmux's paste buffer");
    expect(written).toEqual([]);
    expect(tmux.calls).toContainEqual(['set-buffer', '--', URL]);
  });

  it('treats a tmux without allow-passthrough (before 3.3) as letting it through', async () => {
    const written: string[] = [];
    const tmux = fakeTmux({ 'set-clipboard': 'external' });
    const result = await copyToClipboard(URL, {
      env: { TMUX: 'x' },
      write: (s) => written.push(s),
      tmux: tmux.run,
    });
    expect(result.sent).toBe(true);
  });
});
