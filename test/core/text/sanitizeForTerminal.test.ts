import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeForTerminal } from '../../../source/core/text/sanitizeForTerminal.js';

describe('sanitizeForTerminal', () => {
  it('keeps printable text, including non-Latin scripts and emoji', () => {
    expect(sanitizeForTerminal('analysis-1 Øresund 東京 🧪')).toBe('analysis-1 Øresund 東京 🧪');
  });

  it('removes cursor movement and colour sequences', () => {
    expect(sanitizeForTerminal('a\u001B[2J\u001B[1;1Hb\u001B[31mc\u001B[0m')).toBe('abc');
  });

  it('removes a window-title OSC ended by BEL or by ST', () => {
    expect(sanitizeForTerminal('x\u001B]0;pwned\u0007y')).toBe('xy');
    expect(sanitizeForTerminal('x\u001B]2;pwned\u001B\\y')).toBe('xy');
  });

  it('removes DCS strings and 8-bit CSI', () => {
    expect(sanitizeForTerminal('a\u001BPq#0;2;0;0;0\u001B\\b')).toBe('ab');
    expect(sanitizeForTerminal('a\u009B2Jb')).toBe('ab');
  });

  it('turns line breaks and tabs into spaces, drops other controls and bidi overrides', () => {
    expect(sanitizeForTerminal('a\nb\tc\u0007d')).toBe('a b cd');
    expect(sanitizeForTerminal('safe\u202Etxt.exe')).toBe('safetxt.exe');
  });

  it('never leaves an escape or control character, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(sanitizeForTerminal(text)).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E]/);
      }),
    );
  });
  it('keeps line breaks only when asked, for multi-line text', () => {
    const script = 'echo ok\r\n\u001B]0;pwned\u0007apt-get install -y git\n';
    expect(sanitizeForTerminal(script, { keepNewlines: true })).toBe('echo ok\napt-get install -y git\n');
    expect(sanitizeForTerminal(script)).toBe('echo ok  apt-get install -y git ');
  });
});

describe('sanitizeForTerminal against every hostile class', () => {
  it('leaves no C0, C1 or bidi control, wherever it sits in the value', async () => {
    const { hostileText } = await import('./hostileText.js');
    fc.assert(
      fc.property(hostileText, hostileText, (before, after) => {
        expect(sanitizeForTerminal(`${before}x${after}`)).not.toMatch(
          /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/,
        );
      }),
      { numRuns: 3000 },
    );
  });
});
