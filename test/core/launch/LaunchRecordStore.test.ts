import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LaunchRecord, LaunchRecordStore } from '../../../source/core/launch/LaunchRecordStore.js';
import {
  launcherOf,
  ownershipTagsOf,
  ownershipTampering,
} from '../../../source/core/launch/ownershipTampering.js';

const record = (overrides: Partial<LaunchRecord>): LaunchRecord => ({
  id: 'cws-1',
  profile: 'lab',
  name: 'box',
  template: 'ubuntu-24-04',
  region: 'us-east-1',
  created_at: '2026-11-20T12:00:00.000Z',
  status: 'requested',
  ...overrides,
});

describe('LaunchRecordStore', () => {
  it('finds the newest unfinished launch of a name in that profile only', async () => {
    const store = new LaunchRecordStore(await mkdtemp(join(tmpdir(), 'cws-records-')));
    await store.save(
      record({ id: 'cws-other-profile', profile: 'other', created_at: '2026-11-20T13:00:00.000Z' }),
    );
    await store.save(record({ id: 'cws-old', created_at: '2026-11-20T10:00:00.000Z' }));
    await store.save(record({ id: 'cws-new', created_at: '2026-11-20T11:00:00.000Z' }));
    await store.save(record({ id: 'cws-done', status: 'launched', created_at: '2026-11-20T14:00:00.000Z' }));
    await store.save(record({ id: 'cws-other-name', name: 'other', created_at: '2026-11-20T15:00:00.000Z' }));
    expect((await store.findUnfinished('lab', 'box'))?.id).toBe('cws-new');
    expect((await store.findUnfinished('other', 'box'))?.id).toBe('cws-other-profile');
    expect(await store.findUnfinished('nobody', 'box')).toBeUndefined();
    expect(await store.findUnfinished('lab', 'missing')).toBeUndefined();
  });

  it('round-trips a record and skips unreadable ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cws-records-'));
    const store = new LaunchRecordStore(dir);
    const saved = record({ ownership_tags: { 'cws:profile': 'lab' }, instance_id: 'i-1' });
    await store.save(saved);
    await writeFile(join(dir, 'launches', 'broken.json'), '{ nope');
    expect(await store.get('cws-1')).toEqual(saved);
    expect(await store.get('broken')).toBeUndefined();
    expect(await store.list()).toEqual([saved]);
    expect(store.newId()).toMatch(/^cws-[0-9a-f-]{36}$/);
  });
});

describe('ownershipTampering', () => {
  const launched = ownershipTagsOf({
    'cws:managed': 'true',
    'cws:profile': 'lab',
    'cws:research-user': 'alice',
    'cws:owner': 'arn:aws:iam::1:user/a',
    'cws:template': 'ubuntu-24-04',
    Name: 'box',
    'cws:progress': 'ready',
  });
  const mine = record({ instance_id: 'i-1', ownership_tags: launched });

  it('keeps only the ownership tags', () => {
    expect(Object.keys(launched).sort()).toEqual([
      'cws:managed',
      'cws:owner',
      'cws:profile',
      'cws:research-user',
      'cws:template',
    ]);
  });

  it('names each changed or removed tag, and nothing when unchanged or not this instance', () => {
    expect(ownershipTampering({ id: 'i-1', tags: { ...launched, 'cws:progress': 'x' } }, mine)).toEqual([]);
    const changed = { ...launched, 'cws:research-user': 'bob' } as Record<string, string>;
    delete changed['cws:managed'];
    expect(ownershipTampering({ id: 'i-1', tags: changed }, mine)).toEqual([
      "cws:managed: launched 'true', now removed",
      "cws:research-user: launched 'alice', now 'bob'",
    ]);
    expect(ownershipTampering({ id: 'i-2', tags: changed }, mine)).toEqual([]);
    expect(ownershipTampering({ id: 'i-1', tags: changed }, undefined)).toEqual([]);
    expect(ownershipTampering({ id: 'i-1', tags: changed }, record({ instance_id: 'i-1' }))).toEqual([]);
  });

  it('counts a workstation against its recorded launcher, else its tag', () => {
    expect(launcherOf({ id: 'i-1', tags: { 'cws:research-user': 'bob' } }, mine)).toBe('alice');
    expect(launcherOf({ id: 'i-2', tags: { 'cws:research-user': 'bob' } }, mine)).toBe('bob');
    expect(launcherOf({ id: 'i-1', tags: {} }, undefined)).toBeUndefined();
  });
});

describe('retaggedInstances', () => {
  it('fetches by id the recorded instances a tag filter missed, skipping terminated ones', async () => {
    const { retaggedInstances } = await import('../../../source/core/launch/ownershipTampering.js');
    const asked: unknown[] = [];
    const instance = (id: string, state: 'running' | 'terminated') =>
      ({ id, state, tags: {} }) as unknown as import('../../../source/core/ports.js').Instance;
    const compute = {
      listInstances: async (filter: unknown) => {
        asked.push(filter);
        return { items: [instance('i-2', 'running'), instance('i-3', 'terminated')], requests: 1 };
      },
    };
    const records = [
      record({ id: 'a', instance_id: 'i-1', ownership_tags: {} }),
      record({ id: 'b', instance_id: 'i-2', ownership_tags: {}, region: 'eu-west-1' }),
      record({ id: 'c', instance_id: 'i-3', ownership_tags: {} }),
      record({ id: 'd', instance_id: 'i-4' }),
      record({ id: 'e' }),
    ];
    const found = await retaggedInstances(compute, records, [instance('i-1', 'running')]);
    expect(found.map((entry) => entry.id)).toEqual(['i-2']);
    expect(asked).toEqual([{ regions: ['eu-west-1', 'us-east-1'], ids: ['i-2', 'i-3'] }]);
    expect(
      await retaggedInstances(compute, [records[0] as LaunchRecord], [instance('i-1', 'running')]),
    ).toEqual([]);
    expect(asked).toHaveLength(1);
  });
});
