import { describe, expect, it } from 'vitest';
import { editText, type TextFieldState } from '../../source/components/editText.js';

const at = (text: string, cursor = Array.from(text).length): TextFieldState => ({ text, cursor });
const keys = (start: TextFieldState, ...presses: Array<[string, string?]>) =>
  presses.reduce((state, [name, typed]) => editText(state, name, typed ?? '') ?? state, start);

describe('editText', () => {
  it('moves with Left, Right, Home, End, Ctrl-A/E and by word with Alt-B/F, and inserts at the cursor', () => {
    expect(keys(at('hello world'), ['left'], ['left'], ['x', 'X'])).toEqual(at('hello worXld', 10));
    expect(keys(at('hello world'), ['home'], ['>', '>'])).toEqual(at('>hello world', 1));
    expect(keys(at('hello world'), ['ctrl+a'], ['ctrl+e'])).toEqual(at('hello world', 11));
    expect(keys(at('hello world'), ['alt+b'])).toEqual(at('hello world', 6));
    expect(keys(at('hello world', 0), ['alt+f'])).toEqual(at('hello world', 5));
    expect(keys(at('ab'), ['right'], ['right'])).toEqual(at('ab', 2));
  });

  it('deletes with Backspace, Ctrl-U, Ctrl-K, Ctrl-W and Alt-Backspace', () => {
    expect(keys(at('hello world'), ['backspace'])).toEqual(at('hello worl'));
    expect(keys(at('hello world', 6), ['ctrl+u'])).toEqual(at('world', 0));
    expect(keys(at('hello world', 5), ['ctrl+k'])).toEqual(at('hello', 5));
    expect(keys(at('rm -rf build/'), ['ctrl+w'])).toEqual(at('rm -rf '));
    expect(keys(at('one two'), ['alt+backspace'])).toEqual(at('one '));
    expect(keys(at('x', 0), ['backspace'])).toEqual(at('x', 0));
  });

  it('inserts a paste whole (line breaks as spaces) and takes no control keys as text', () => {
    expect(editText(at('ab', 1), 'paste', 'one\ntwo')).toEqual(at('aone twob', 8));
    expect(editText(at('ab'), 'enter', '\r')).toBeUndefined();
    expect(editText(at('ab'), 'tab', '\t')).toBeUndefined();
    expect(editText(at('ab'), 'esc', '')).toBeUndefined();
    expect(editText(at('ab'), 'space', ' ')).toEqual(at('ab '));
  });
});
