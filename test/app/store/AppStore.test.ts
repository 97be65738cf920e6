import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppStore, FLASH_MS } from '../../../source/app/store/AppStore.js';

describe('AppStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('replaces the refresh slices in one update and clears an earlier error', () => {
    const store = new AppStore();
    let updates = 0;
    store.subscribe(() => updates++);
    store.refreshStarted();
    store.refreshFailed('throttled');
    expect(store.getState()).toMatchObject({ refreshing: false, refreshError: 'throttled' });
    const before = updates;
    store.refreshSucceeded([], 42);
    expect(updates).toBe(before + 1);
    expect(store.getState()).toEqual({ workstations: [], refreshing: false, refreshedAt: 42 });
  });

  it('keeps a flash message for a while, and a newer one replaces it', () => {
    const store = new AppStore();
    store.flash('error', 'could not stop', 'ask your admin');
    expect(store.getState().flash).toMatchObject({
      kind: 'error',
      text: 'could not stop',
      hint: 'ask your admin',
    });
    vi.advanceTimersByTime(FLASH_MS - 100);
    store.flash('success', 'Stopping analysis-1');
    vi.advanceTimersByTime(200);
    expect(store.getState().flash?.text).toBe('Stopping analysis-1');
    vi.advanceTimersByTime(FLASH_MS);
    expect(store.getState().flash).toBeUndefined();
  });

  it('gives a new state object on every change, so selectors see it', () => {
    const store = new AppStore();
    const first = store.getState();
    store.setSpend({ spent_usd: 12.5, budget_usd: 100 });
    expect(store.getState()).not.toBe(first);
    expect(store.getState().spend).toEqual({ spent_usd: 12.5, budget_usd: 100 });
  });
});
