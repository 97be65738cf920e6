import { describe, expect, it } from 'vitest';
import { colorWanted, createTheme } from '../../source/app/theme.js';

describe('the theme', () => {
  it('turns colour off for NO_COLOR (set and not empty), TERM=dumb and --no-color', () => {
    expect(colorWanted({ TERM: 'xterm-256color' }, true)).toBe(true);
    expect(colorWanted({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colorWanted({ NO_COLOR: '' }, true)).toBe(true);
    expect(colorWanted({ TERM: 'dumb' }, true)).toBe(false);
    expect(colorWanted({}, false)).toBe(false);
  });

  it('colours states only when colour is on', () => {
    expect(createTheme(true).state('running', false)).toBe('green');
    expect(createTheme(true).state('stopped', true)).toBe('cyan');
    expect(createTheme(false).state('running', false)).toBeUndefined();
    expect(createTheme(false).danger).toBeUndefined();
  });
});
