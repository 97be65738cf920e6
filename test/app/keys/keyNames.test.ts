import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { formatKey } from '../../../source/app/keys/formatKey.js';
import { keyNameOf } from '../../../source/app/keys/keyNameOf.js';
import { keyPressesOf } from '../../../source/app/keys/keyPressesOf.js';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe('key names', () => {
  it('names special keys, control chords, space and letters (case kept)', () => {
    expect(keyNameOf('', { ...NO_KEY, upArrow: true })).toBe('up');
    expect(keyNameOf('', { ...NO_KEY, pageDown: true })).toBe('pgdn');
    expect(keyNameOf('', { ...NO_KEY, escape: true })).toBe('esc');
    expect(keyNameOf('\r', { ...NO_KEY, return: true })).toBe('enter');
    expect(keyNameOf('', { ...NO_KEY, delete: true })).toBe('backspace');
    expect(keyNameOf('d', { ...NO_KEY, ctrl: true })).toBe('ctrl+d');
    expect(keyNameOf(' ', NO_KEY)).toBe('space');
    expect(keyNameOf('S', { ...NO_KEY, shift: true })).toBe('S');
    expect(keyNameOf('s', NO_KEY)).toBe('s');
  });

  it('names ESC and a key read together alt+ that key, so Esc then Enter is never Enter', () => {
    expect(keyNameOf('', { ...NO_KEY, return: true, meta: true })).toBe('alt+enter');
    expect(keyNameOf('j', { ...NO_KEY, meta: true })).toBe('alt+j');
    expect(keyNameOf('', { ...NO_KEY, delete: true, meta: true })).toBe('alt+backspace');
    expect(keyNameOf('', { ...NO_KEY, escape: true, meta: true })).toBe('esc');
    expect(keyNameOf('', { ...NO_KEY, upArrow: true, meta: true })).toBe('up');
    expect(formatKey('alt+b')).toBe('M-b');
  });

  it('shows key names the way the footer and help print them', () => {
    expect(formatKey('ctrl+d')).toBe('^D');
    expect(formatKey('pgdn')).toBe('PgDn');
    expect(formatKey('esc')).toBe('Esc');
    expect(formatKey('G')).toBe('G');
  });
});

describe('keyPressesOf', () => {
  it('splits several characters read at once into presses of their own', () => {
    expect(keyPressesOf('ab-1\r', NO_KEY).map((press) => press.name)).toEqual(['a', 'b', '-', '1', 'enter']);
    expect(keyPressesOf('j k\u007F', NO_KEY).map((press) => press.name)).toEqual([
      'j',
      'space',
      'k',
      'backspace',
    ]);
    expect(keyPressesOf('\u0004x', NO_KEY).map((press) => press.name)).toEqual(['ctrl+d', 'x']);
  });

  it('keeps a single key and an escape sequence whole', () => {
    expect(keyPressesOf('', { ...NO_KEY, upArrow: true })).toEqual([{ name: 'up', text: '' }]);
    expect(keyPressesOf('q', NO_KEY)).toEqual([{ name: 'q', text: 'q' }]);
  });
});
