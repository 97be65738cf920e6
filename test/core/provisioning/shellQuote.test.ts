import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../../source/core/provisioning/shellQuote.js';

/** What bash makes of one single-quoted word: the text between quotes, with '\'' as a quote. */
function unquote(word: string): string {
  expect(word.startsWith("'") && word.endsWith("'")).toBe(true);
  return word.slice(1, -1).replaceAll(`'\\''`, "'");
}

describe('shellQuote', () => {
  it('wraps the value in single quotes and closes, escapes and reopens around each quote', () => {
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote("''")).toBe(`''\\'''\\'''`);
    expect(shellQuote('$(x) `y` \\ "z"')).toBe(`'$(x) \`y\` \\ "z"'`);
  });

  it('gives the value back for any string, and no single quote is left unescaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const quoted = shellQuote(value);
        expect(unquote(quoted)).toBe(value);
        expect(quoted.slice(1, -1).replaceAll(`'\\''`, '')).not.toContain("'");
      }),
      { numRuns: 2000 },
    );
  });
});
