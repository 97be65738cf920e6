import { describe, expect, it } from 'vitest';
import { AppStore } from '../../../source/app/store/AppStore.js';
import { keepUnchangedRows } from '../../../source/app/store/keepUnchangedRows.js';
import type { Workstation } from '../../../source/core/workstations/Workstation.js';

const row = (id: string, state: Workstation['state'] = 'running'): Workstation => ({
  id,
  name: `ws-${id}`,
  kind: 'ec2',
  template: 'python-ml',
  region: 'us-east-1',
  state,
  hibernated: false,
  instance_type: 't3.medium',
  launched_at: '2026-03-02T10:00:00.000Z',
  hourly_cost: 0.0449,
  connect: 'ssh',
});

describe('keepUnchangedRows', () => {
  it('keeps the previous array when a refresh brings equal rows in the same order', () => {
    const previous = [row('a'), row('b'), row('c')];
    const next = [row('a'), row('b'), row('c')];
    expect(keepUnchangedRows(previous, next)).toBe(previous);
  });

  it('keeps the objects of unchanged rows and takes the changed and new ones', () => {
    const previous = [row('a'), row('b'), row('c')];
    const next = [row('a'), row('b', 'stopping'), row('c'), row('d')];
    const merged = keepUnchangedRows(previous, next);
    expect(merged).not.toBe(previous);
    expect(merged[0]).toBe(previous[0]);
    expect(merged[1]).toBe(next[1]);
    expect(merged[2]).toBe(previous[2]);
    expect(merged[3]).toBe(next[3]);
  });

  it('drops rows that are gone and follows a new order', () => {
    const previous = [row('a'), row('b'), row('c')];
    const merged = keepUnchangedRows(previous, [row('c'), row('a')]);
    expect(merged).toEqual([previous[2], previous[0]]);
    expect(merged[0]).toBe(previous[2]);
  });

  it('is what the store keeps after a refresh, so an unchanged refresh keeps the rows array', () => {
    const store = new AppStore();
    store.refreshSucceeded([row('a'), row('b')], 1);
    const first = store.getState().workstations;
    store.refreshSucceeded([row('a'), row('b')], 2);
    expect(store.getState().workstations).toBe(first);
    expect(store.getState().refreshedAt).toBe(2);
  });
});
