import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LaunchRefusedError } from '../../../source/core/launch/LaunchRefusedError.js';
import type { Instance } from '../../../source/core/ports.js';
import { exportTeamUsers } from '../../../source/core/team/exportTeamUsers.js';
import { FileTeamStore } from '../../../source/core/team/FileTeamStore.js';
import { acquireRunningLease, STALE_LEASE_MS } from '../../../source/core/team/runningLeases.js';
import { TeamResearchUserStore } from '../../../source/core/team/TeamResearchUserStore.js';
import type { TeamStore } from '../../../source/core/team/TeamStore.js';
import { setTeamCap } from '../../../source/core/team/teamCaps.js';
import { teamKeys } from '../../../source/core/team/teamItemKeys.js';
import { teamLaunchClaim } from '../../../source/core/team/teamLaunchClaim.js';
import { reserveWorkstationName, STALE_RESERVATION_MS } from '../../../source/core/team/workstationNames.js';
import {
  createTestTeamStore,
  type DynaliteServer,
  startDynalite,
} from '../../aws/dynamodb/dynaliteServer.js';

let server: DynaliteServer;
beforeAll(async () => {
  server = await startDynalite();
});
afterAll(async () => {
  await server.close();
});

async function freshStore(kind: 'local' | 'dynamodb'): Promise<TeamStore> {
  if (kind === 'local')
    return new FileTeamStore(join(mkdtempSync(join(tmpdir(), 'cws-crash-')), 'team-store.json'));
  return createTestTeamStore(server.endpoint, `crash-${randomUUID().slice(0, 8)}`);
}

const T0 = new Date('2026-12-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const claim = (launchId: string, name = launchId) => ({
  launch_id: launchId,
  name,
  profile: 'lab',
  research_user: 'alice',
  owner: 'arn:aws:iam::1:user/alice',
  overridden: false,
});
const running = (launchId: string): Instance =>
  ({
    id: `i-${launchId}`,
    name: launchId,
    state: 'running',
    region: 'us-east-1',
    client_token: launchId,
    tags: { 'cws:profile': 'lab', 'cws:research-user': 'alice' },
  }) as unknown as Instance;

/**
 * Every lab rule is a chain of single-item conditional writes (no multi-item transaction: dynalite
 * has none, and none is needed). A process that dies between two of them leaves a state that the
 * next run finishes or clears: these cases cut the chain at each step, on both stores.
 */
describe.each(['local', 'dynamodb'] as const)('a run cut short between two writes, %s store', (kind) => {
  it('user creation: a counter step or a claimed UID without its user is never handed out again', async () => {
    const store = await freshStore(kind);
    const users = new TeamResearchUserStore(store, { created_by: 'test' });
    expect((await users.create({ username: 'alice', ssh_public_keys: [] }, 'acct')).uid).toBe(5000);
    // Died after the counter step (5001 counted, nothing claimed), then after claiming 5002.
    await store.update(teamKeys.counter('UID#acct'), { add: { next: 1 } });
    await store.update(teamKeys.counter('UID#acct'), { add: { next: 1 } });
    await store.put(
      { ...teamKeys.uid(5002), state: 'claimed', username: 'bob', account: 'acct' },
      { exists: false },
    );
    // The retry of bob's creation gets a new UID; the claimed one stays out of use for good.
    expect((await users.create({ username: 'bob', ssh_public_keys: [] }, 'acct')).uid).toBe(5003);
    expect((await store.get(teamKeys.uid(5002)))?.state).toBe('claimed');
    const exported = await exportTeamUsers(store);
    expect(exported.users.map((user) => user.uid)).toEqual([5000, 5003]);
    expect(exported.retired_uids).toEqual([5002]);
  });

  it('user creation: a user written before its UID was marked assigned is whole and keeps the UID', async () => {
    const store = await freshStore(kind);
    const users = new TeamResearchUserStore(store, { created_by: 'test' });
    await users.create({ username: 'alice', ssh_public_keys: [] }, 'acct');
    await store.update(teamKeys.uid(5000), { set: { state: 'claimed' } });
    expect((await users.get('alice'))?.uid).toBe(5000);
    await expect(users.create({ username: 'alice', ssh_public_keys: [] }, 'acct')).rejects.toThrow(
      /already exists/,
    );
    expect((await users.create({ username: 'carol', ssh_public_keys: [] }, 'acct')).uid).toBe(5001);
    expect((await exportTeamUsers(store)).retired_uids).toEqual([]);
  });

  it('launch: a name reserved by a launch that died is held for a while, then taken over', async () => {
    const store = await freshStore(kind);
    const reserve = (launchId: string, now: Date, live: string[] = []) =>
      reserveWorkstationName(store, { ...claim(launchId, 'box'), live_launch_ids: new Set(live), now });
    await reserve('dead', T0);
    await expect(reserve('next', later(60_000))).rejects.toThrow(
      /the name 'box' is held in profile 'lab' by alice/,
    );
    // Its launch started an instance after all: never taken over, however old.
    await expect(reserve('next', later(STALE_RESERVATION_MS * 4), ['dead'])).rejects.toThrow(/is held/);
    await reserve('next', later(STALE_RESERVATION_MS + 1));
    expect((await store.get(teamKeys.name('lab', 'box')))?.launch_id).toBe('next');
  });

  it("launch: a user's lease taken by a launch that died before the lab's is dropped once stale", async () => {
    const store = await freshStore(kind);
    await setTeamCap(store, 'USER', 1, 'admin');
    // Died right after the user's lease: no name, no lab lease, no instance.
    await acquireRunningLease(store, {
      scope: 'USER#alice',
      launch_id: 'dead',
      cap: 1,
      running_launch_ids: new Set(),
      now: T0,
    });
    const launch = (launchId: string, now: Date, instances: Instance[] = []) =>
      teamLaunchClaim(store, { cap: undefined, instances: async () => instances, now: () => now })(
        claim(launchId),
      );
    const soon = launch('early', later(60_000));
    await expect(soon).rejects.toBeInstanceOf(LaunchRefusedError);
    // A refused launch holds nothing: its name is free again.
    expect(await store.get(teamKeys.name('lab', 'early'))).toBeUndefined();
    await launch('next', later(STALE_LEASE_MS + 1));
    expect((await store.get(teamKeys.leases('USER#alice')))?.holders).toEqual([
      `next@${later(STALE_LEASE_MS + 1).toISOString()}`,
    ]);
    expect((await store.get(teamKeys.leases('LAB')))?.holders).toHaveLength(1);
    // A running workstation's lease is never stale: the cap still holds against it.
    await expect(launch('third', later(STALE_LEASE_MS * 10), [running('next')])).rejects.toThrow(
      /1 running workstation is the most alice may have \(team cap per-user\)/,
    );
  });

  it("launch: the lab's lease of a launch that died is dropped once stale, and the lab's cap holds until then", async () => {
    const store = await freshStore(kind);
    await setTeamCap(store, 'LAB', 1, 'admin');
    await acquireRunningLease(store, {
      scope: 'LAB',
      launch_id: 'dead',
      cap: 1,
      running_launch_ids: new Set(),
      now: T0,
    });
    const launch = (launchId: string, now: Date) =>
      teamLaunchClaim(store, { cap: undefined, instances: async () => [], now: () => now })(claim(launchId));
    await expect(launch('early', later(60_000))).rejects.toThrow(
      /the most the lab may have \(team cap lab\)/,
    );
    // The refused launch gave back the user's lease it had taken first.
    expect((await store.get(teamKeys.leases('USER#alice')))?.holders ?? []).toEqual([]);
    const release = await launch('next', later(STALE_LEASE_MS + 1));
    expect((await store.get(teamKeys.leases('LAB')))?.holders).toHaveLength(1);
    await release();
    expect((await store.get(teamKeys.leases('LAB')))?.holders ?? []).toEqual([]);
    expect(await store.get(teamKeys.name('lab', 'next'))).toBeUndefined();
  });
});
