import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InvitationPayload } from '../../../source/core/identity/invitationToken.js';
import { FileTeamStore } from '../../../source/core/team/FileTeamStore.js';
import type { TeamStore } from '../../../source/core/team/TeamStore.js';
import { takeInvitationUseOnce } from '../../../source/core/team/takeInvitationUseOnce.js';
import { teamKeys } from '../../../source/core/team/teamItemKeys.js';
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

async function storeWithInvitation(kind: 'local' | 'dynamodb', id: string): Promise<TeamStore> {
  const store =
    kind === 'local'
      ? new FileTeamStore(join(mkdtempSync(join(tmpdir(), 'cws-accept-')), 'team-store.json'))
      : await createTestTeamStore(server.endpoint, `accept-${randomUUID().slice(0, 8)}`);
  await store.put({
    ...teamKeys.invitation(id),
    issuer: 'admin',
    profile: 'lab',
    policy_digest: 'd',
    issued_at: new Date().toISOString(),
    expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    uses_allowed: 1,
    uses: 0,
    state: 'open',
  });
  return store;
}

const payload = (id: string) => ({ id, issuer: 'admin', profile: { name: 'lab' } }) as InvitationPayload;
const machine = () => mkdtempSync(join(tmpdir(), 'cws-machine-'));
const attempts = (stateDir: string) => {
  try {
    return readdirSync(join(stateDir, 'invitation-attempts'));
  } catch {
    return [];
  }
};

describe.each(['local', 'dynamodb'] as const)(
  'an accept cut short after it took the use, %s store',
  (kind) => {
    it('is finished by the next accept on the same machine and refused on any other', async () => {
      const store = await storeWithInvitation(kind, 'inv-1');
      const [mine, theirs] = [machine(), machine()];
      // Took the use, then died before the user and the profile were written.
      await takeInvitationUseOnce(store, payload('inv-1'), 'carol', mine);
      await expect(takeInvitationUseOnce(store, payload('inv-1'), 'carol', theirs)).rejects.toThrow(
        /this invitation has been used \(1 of 1 use, by carol\)/,
      );
      expect(attempts(theirs)).toEqual([]);
      const resumed = await takeInvitationUseOnce(store, payload('inv-1'), 'carol', mine);
      expect((await store.get(teamKeys.invitation('inv-1')))?.uses).toBe(1);
      await resumed.confirm();
      const item = await store.get(teamKeys.invitation('inv-1'));
      expect(item?.pending ?? []).toEqual([]);
      expect(attempts(mine)).toEqual([]);
      // Done: a second accept, even here, is refused.
      await expect(takeInvitationUseOnce(store, payload('inv-1'), 'carol', mine)).rejects.toThrow(
        /has been used/,
      );
    });

    it('gives the use back when the accept fails, and leaves no attempt behind', async () => {
      const store = await storeWithInvitation(kind, 'inv-2');
      const here = machine();
      const use = await takeInvitationUseOnce(store, payload('inv-2'), 'dave', here);
      await use.giveBack();
      const item = await store.get(teamKeys.invitation('inv-2'));
      expect(item?.uses).toBe(0);
      expect(item?.pending ?? []).toEqual([]);
      expect(attempts(here)).toEqual([]);
      await takeInvitationUseOnce(store, payload('inv-2'), 'erin', machine());
      expect((await store.get(teamKeys.invitation('inv-2')))?.accepted_by).toEqual(['erin']);
    });
  },
);
