import { expect, it } from 'vitest';
import type { TeamStore } from '../../../source/core/team/TeamStore.js';
import { TeamStoreError } from '../../../source/core/team/TeamStoreError.js';

async function conditionFailure(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TeamStoreError);
  expect((error as TeamStoreError).kind).toBe('condition-failed');
}

/** The semantics both adapters must share: each test gets a fresh, empty store. */
export function teamStoreContract(fresh: () => Promise<TeamStore>): void {
  it('puts and gets items with nested values, and an absent item is undefined', async () => {
    const store = await fresh();
    expect(await store.get({ pk: 'USER', sk: 'alice' })).toBeUndefined();
    const item = {
      pk: 'USER',
      sk: 'alice',
      uid: 5000,
      groups: ['docker'],
      globus: { sub: 'x' },
      admin: false,
    };
    await store.put(item);
    expect(await store.get({ pk: 'USER', sk: 'alice' })).toEqual(item);
  });

  it('refuses a conditional put on an item that exists, and keeps the first', async () => {
    const store = await fresh();
    await store.put({ pk: 'UID', sk: '5000', username: 'alice' }, { exists: false });
    await conditionFailure(store.put({ pk: 'UID', sk: '5000', username: 'bob' }, { exists: false }));
    expect((await store.get({ pk: 'UID', sk: '5000' }))?.username).toBe('alice');
  });

  it('counts atomically from an absent counter', async () => {
    const store = await fresh();
    const key = { pk: 'COUNTER', sk: 'UID#acct' };
    expect((await store.update(key, { add: { next: 1 } })).next).toBe(1);
    expect((await store.update(key, { add: { next: 1 } })).next).toBe(2);
    expect((await store.get(key))?.next).toBe(2);
  });

  it('holds a set of leases under a size limit, idempotent for a member it has', async () => {
    const store = await fresh();
    const key = { pk: 'LEASES', sk: 'USER#alice' };
    const lease = (id: string) =>
      store.update(
        key,
        { add_to_set: { holders: [id] } },
        { any: [{ contains: ['holders', id] }, { size_below: ['holders', 1] }] },
      );
    expect((await lease('a')).holders).toEqual(['a']);
    await conditionFailure(lease('b'));
    expect((await lease('a')).holders).toEqual(['a']);
    const released = await store.update(key, { remove_from_set: { holders: ['a'] } });
    expect(released.holders).toBeUndefined();
    expect((await lease('b')).holders).toEqual(['b']);
  });

  it('updates only while equals and below hold, and sets and removes attributes', async () => {
    const store = await fresh();
    const key = { pk: 'INVITE', sk: 'i1' };
    await store.put({ ...key, state: 'open', uses: 0, uses_allowed: 1, note: 'x' });
    const use = () =>
      store.update(
        key,
        { add: { uses: 1 }, set: { last_used_by: 'carol' }, remove: ['note'] },
        { all: [{ exists: true }, { equals: ['state', 'open'] }, { below: ['uses', 1] }] },
      );
    const used = await use();
    expect(used).toMatchObject({ uses: 1, last_used_by: 'carol' });
    expect(used.note).toBeUndefined();
    await conditionFailure(use());
    await conditionFailure(
      store.update({ pk: 'INVITE', sk: 'none' }, { add: { uses: 1 } }, { exists: true }),
    );
    expect(await store.get({ pk: 'INVITE', sk: 'none' })).toBeUndefined();
  });

  it('deletes under a condition and says whether there was an item', async () => {
    const store = await fresh();
    const key = { pk: 'NAME#lab', sk: 'same' };
    await store.put({ ...key, launch_id: 'l1' });
    await conditionFailure(store.delete(key, { equals: ['launch_id', 'l2'] }));
    expect(await store.delete(key, { equals: ['launch_id', 'l1'] })).toBe(true);
    expect(await store.delete(key)).toBe(false);
  });

  it('queries a partition in sort key order, optionally by prefix', async () => {
    const store = await fresh();
    for (const sk of ['b', 'a#2', 'a#1', 'c']) await store.put({ pk: 'P', sk });
    await store.put({ pk: 'Q', sk: 'a#0' });
    expect((await store.query('P')).map((item) => item.sk)).toEqual(['a#1', 'a#2', 'b', 'c']);
    expect((await store.query('P', 'a#')).map((item) => item.sk)).toEqual(['a#1', 'a#2']);
    expect(await store.query('EMPTY')).toEqual([]);
  });
}
