import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { BracketedPaste, PASTE_LIMIT_CHARS } from '../../../source/app/keys/BracketedPaste.js';

const KEY = { return: false, tab: false } as Key;

describe('BracketedPaste', () => {
  it('gathers a paste into one text, Enter inside it a line break, and leaves other input alone', () => {
    const paste = new BracketedPaste();
    expect(paste.feed('q', KEY)).toEqual({ kind: 'not-pasting' });
    expect(paste.feed('[200~', KEY)).toEqual({ kind: 'reading' });
    expect(paste.feed('first', KEY)).toEqual({ kind: 'reading' });
    expect(paste.feed('', { ...KEY, return: true })).toEqual({ kind: 'reading' });
    expect(paste.feed('q', KEY)).toEqual({ kind: 'reading' });
    expect(paste.feed('[201~', KEY)).toEqual({ kind: 'pasted', text: 'first\nq' });
    expect(paste.feed('j', KEY)).toEqual({ kind: 'not-pasting' });
  });

  it('refuses a paste over the limit whole, saying how long it was', () => {
    const paste = new BracketedPaste();
    paste.feed('[200~', KEY);
    paste.feed('x'.repeat(PASTE_LIMIT_CHARS), KEY);
    paste.feed('yz', KEY);
    expect(paste.feed('[201~', KEY)).toEqual({ kind: 'refused', length: PASTE_LIMIT_CHARS + 2 });
  });
});
