import { describe, expect, it } from 'vitest';
import type { Action } from '../../source/app/keys/Action.js';
import { fitKeyHints } from '../../source/components/fitKeyHints.js';

const act = (key: string, label: string): Action => ({ key, label, run: () => {} });

describe('fitKeyHints', () => {
  const actions = [
    act('c', 'connect'),
    act('s', 'start'),
    act('ctrl+d', 'terminate'),
    act('?', 'help'),
    act('q', 'quit'),
  ];

  it('shows every hint when they fit', () => {
    expect(fitKeyHints(actions, 80)).toEqual({ shown: actions, more: false });
  });

  it('keeps the first ones and ends with ? more when they do not', () => {
    const { shown, more } = fitKeyHints(actions, 34);
    expect(more).toBe(true);
    expect(shown.map((a) => a.label)).toEqual(['connect', 'start', 'quit']);
  });
});
