import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileTeamStore } from '../../../source/core/team/FileTeamStore.js';
import type { TeamStore } from '../../../source/core/team/TeamStore.js';
import { setTeamCap } from '../../../source/core/team/teamCaps.js';
import { teamKeys } from '../../../source/core/team/teamItemKeys.js';
import {
  createTestTeamStore,
  type DynaliteServer,
  startDynalite,
} from '../../aws/dynamodb/dynaliteServer.js';
import { type RaceOutcome, runRace } from './runRace.js';
import type { RaceOperation, RaceStore } from './teamRaceWorker.js';

const WORKERS = 6;
const WORKER = new URL('./teamRaceWorker.ts', import.meta.url);
const race = (store: RaceStore, operation: RaceOperation, count: number) =>
  runRace(WORKER, [JSON.stringify(store), operation], count);

let server: DynaliteServer;
beforeAll(async () => {
  server = await startDynalite();
});
afterAll(async () => {
  await server.close();
});

async function freshStore(kind: RaceStore['kind']): Promise<{ spec: RaceStore; store: TeamStore }> {
  if (kind === 'local') {
    const path = join(mkdtempSync(join(tmpdir(), 'cws-race-')), 'team-store.json');
    return { spec: { kind, path }, store: new FileTeamStore(path) };
  }
  const table = `race-${randomUUID().slice(0, 8)}`;
  return {
    spec: { kind, endpoint: server.endpoint, table },
    store: await createTestTeamStore(server.endpoint, table),
  };
}

const successes = (outcomes: RaceOutcome[]) => outcomes.filter((outcome) => 'ok' in outcome);
const failures = (outcomes: RaceOutcome[]) =>
  outcomes.flatMap((outcome) => ('error' in outcome ? [outcome.error] : []));

describe.each(['local', 'dynamodb'] as const)('races between processes on the %s store', (kind) => {
  it(`${WORKERS} users created at once get ${WORKERS} distinct UIDs`, async () => {
    const { spec, store } = await freshStore(kind);
    const outcomes = await race(spec, 'create-user', WORKERS);
    const uids = successes(outcomes).map((outcome) => Number((outcome as { ok: unknown }).ok));
    expect(failures(outcomes)).toEqual([]);
    expect(new Set(uids).size).toBe(WORKERS);
    // Distinct and in the range; a retried counter step under load may leave a gap (never a reuse).
    expect(uids.every((uid) => uid >= 5000 && uid < 60_000)).toBe(true);
    expect(await store.query('USER')).toHaveLength(WORKERS);
  }, 60_000);

  it(`${WORKERS} launches of one name at once: one holds it, the others are told who does`, async () => {
    const { spec, store } = await freshStore(kind);
    const outcomes = await race(spec, 'reserve-name', WORKERS);
    expect(successes(outcomes)).toHaveLength(1);
    const winner = (successes(outcomes)[0] as { ok: string }).ok;
    expect((await store.get(teamKeys.name('lab', 'same')))?.launch_id).toBe(winner);
    for (const message of failures(outcomes)) {
      expect(message).toMatch(/^the name 'same' is held in profile 'lab' by alice \(worker-\d\), since /);
    }
  }, 60_000);

  it(`${WORKERS} launches at once under a cap of 1: one lease`, async () => {
    const { spec, store } = await freshStore(kind);
    const outcomes = await race(spec, 'lease', WORKERS);
    expect(successes(outcomes)).toHaveLength(1);
    expect(failures(outcomes)).toHaveLength(WORKERS - 1);
    expect((await store.get(teamKeys.leases('USER#alice')))?.holders).toHaveLength(1);
  }, 60_000);

  it(`${WORKERS} users launching at once under the lab's cap of 2: two leases, the others hold nothing`, async () => {
    const { spec, store } = await freshStore(kind);
    await setTeamCap(store, 'LAB', 2, 'admin');
    const outcomes = await race(spec, 'lab-lease', WORKERS);
    expect(successes(outcomes)).toHaveLength(2);
    for (const message of failures(outcomes)) {
      expect(message).toMatch(/^2 running workstations are the most the lab may have \(team cap lab\)/);
    }
    expect((await store.get(teamKeys.leases('LAB')))?.holders).toHaveLength(2);
    // A refused launch gave back the user's lease it took first.
    const winners = successes(outcomes).map((outcome) => String((outcome as { ok: string }).ok));
    for (let index = 0; index < WORKERS; index += 1) {
      const holders = (await store.get(teamKeys.leases(`USER#user${index}`)))?.holders;
      expect(Array.isArray(holders) ? holders.length : 0).toBe(winners.includes(`user${index}`) ? 1 : 0);
    }
  }, 60_000);

  it('an invitation accepted twice at once is accepted once', async () => {
    const { spec, store } = await freshStore(kind);
    await store.put({
      ...teamKeys.invitation('invitation-1'),
      issuer: 'admin',
      profile: 'lab',
      policy_digest: 'd',
      issued_at: new Date().toISOString(),
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
      uses_allowed: 1,
      uses: 0,
      state: 'open',
    });
    const outcomes = await race(spec, 'accept', 2);
    expect(successes(outcomes)).toHaveLength(1);
    expect(failures(outcomes)[0]).toMatch(/this invitation (has been used|is being accepted elsewhere)/);
    expect((await store.get(teamKeys.invitation('invitation-1')))?.uses).toBe(1);
  }, 60_000);
});
