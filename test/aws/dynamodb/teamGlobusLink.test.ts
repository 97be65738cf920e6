import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamResearchUserStore } from '../../../source/core/team/TeamResearchUserStore.js';
import { createTestTeamStore, type DynaliteServer, startDynalite } from './dynaliteServer.js';

let server: DynaliteServer;
beforeAll(async () => {
  server = await startDynalite();
});
afterAll(async () => {
  await server.close();
});

describe('a Globus identity linked to a research user in the team store (dynalite)', () => {
  it('is stored with the user for every member, and refused for a user that does not exist', async () => {
    const table = `team-${randomUUID().slice(0, 8)}`;
    const team = await createTestTeamStore(server.endpoint, table);
    const users = new TeamResearchUserStore(team, { created_by: 'pi' });
    await users.create({ username: 'ada', ssh_public_keys: [] }, '111122223333');
    const globus = {
      sub: 'b7c3f1de-5a2e-4c8f-9d41-0e6a2f3b9c11',
      username: 'ada@example.edu',
      institution: 'Example University',
      verified_at: '2026-12-06T05:00:00.000Z',
    };
    expect((await users.linkGlobus('ada', globus)).globus).toEqual(globus);
    // Another member's machine reads the same table.
    const elsewhere = new TeamResearchUserStore(team, { created_by: 'ada' });
    expect((await elsewhere.get('ada'))?.globus).toEqual(globus);
    await expect(users.linkGlobus('nobody', globus)).rejects.toThrow("no research user named 'nobody'");
    expect(await elsewhere.get('nobody')).toBeUndefined();
  });
});
