import { describe, expect, it } from 'vitest';
import { osc8Hyperlink } from '../../../source/core/connect/osc8Hyperlink.js';
import { osc52Copy } from '../../../source/core/connect/osc52Copy.js';

describe('osc8Hyperlink', () => {
  it('wraps the text in OSC 8 with ST terminators, byte for byte', () => {
    expect(osc8Hyperlink('https://example.org/a?b=1', 'open')).toBe(
      '\u001B]8;;https://example.org/a?b=1\u001B\\open\u001B]8;;\u001B\\',
    );
  });

  it('shows the URL itself when no text is given', () => {
    expect(osc8Hyperlink('http://localhost:8888/')).toBe(
      '\u001B]8;;http://localhost:8888/\u001B\\http://localhost:8888/\u001B]8;;\u001B\\',
    );
  });

  it('cannot be broken out of by the URL or the text', () => {
    const link = osc8Hyperlink('https://x.org/\u001B]0;pwned\u0007 y', 'a\u001B[31mb\u0007');
    expect(link).toBe('\u001B]8;;https://x.org/%1B]0;pwned%07%20y\u001B\\ab\u001B]8;;\u001B\\');
    // Exactly the four ESCs of the two OSC 8 sequences, and no BEL.
    expect(link.split('\u001B')).toHaveLength(5);
    expect(link).not.toContain('\u0007');
  });
});

describe('osc52Copy', () => {
  it('sets the clipboard with base64 of the UTF-8 text, BEL-terminated', () => {
    expect(osc52Copy('hello')).toBe('\u001B]52;c;aGVsbG8=\u0007');
    expect(osc52Copy('café')).toBe(`\u001B]52;c;${Buffer.from('café').toString('base64')}\u0007`);
  });

  it("wraps the sequence in tmux's DCS passthrough with the ESC doubled when TMUX is set", () => {
    expect(osc52Copy('hello', { TMUX: '/tmp/tmux-1000/default,123,0' })).toBe(
      '\u001BPtmux;\u001B\u001B]52;c;aGVsbG8=\u0007\u001B\\',
    );
  });

  it('is plain OSC 52 when TMUX is empty', () => {
    expect(osc52Copy('x', { TMUX: '' })).toBe('\u001B]52;c;eA==\u0007');
  });
});
