// Run as a separate process by teamRaces.test.ts: opens the team store it is given, says "ready",
// waits for "go" on stdin (so every process starts at once), does one operation and prints
// {"ok": ...} or {"error": message} as JSON.
import { createInterface } from 'node:readline';
import { DynamoTeamStore } from '../../../source/aws/dynamodb/DynamoTeamStore.js';
import type { InvitationPayload } from '../../../source/core/identity/invitationToken.js';
import { FileTeamStore } from '../../../source/core/team/FileTeamStore.js';
import { acquireRunningLease } from '../../../source/core/team/runningLeases.js';
import { TeamResearchUserStore } from '../../../source/core/team/TeamResearchUserStore.js';
import type { TeamStore } from '../../../source/core/team/TeamStore.js';
import { takeInvitationUse } from '../../../source/core/team/teamInvitations.js';
import { acquireRunningLeases } from '../../../source/core/team/teamLaunchClaim.js';
import { reserveWorkstationName } from '../../../source/core/team/workstationNames.js';
import { dynamoClient } from '../../aws/dynamodb/dynaliteServer.js';

export type RaceStore =
  | { kind: 'local'; path: string }
  | { kind: 'dynamodb'; endpoint: string; table: string };
export type RaceOperation = 'create-user' | 'reserve-name' | 'lease' | 'lab-lease' | 'accept';

const [storeJson, operation, index] = process.argv.slice(2) as [string, RaceOperation, string];
const spec = JSON.parse(storeJson) as RaceStore;
const store: TeamStore =
  spec.kind === 'local'
    ? new FileTeamStore(spec.path)
    : new DynamoTeamStore(dynamoClient(spec.endpoint), {
        kind: 'dynamodb',
        table: spec.table,
        region: 'us-east-1',
        endpoint: spec.endpoint,
      });
const now = new Date();

async function run(): Promise<unknown> {
  switch (operation) {
    case 'create-user': {
      const users = new TeamResearchUserStore(store, { created_by: `worker-${index}` });
      return (await users.create({ username: `user${index}`, ssh_public_keys: [] }, 'acct')).uid;
    }
    case 'reserve-name':
      await reserveWorkstationName(store, {
        profile: 'lab',
        name: 'same',
        launch_id: `launch-${index}`,
        research_user: 'alice',
        owner: `worker-${index}`,
        live_launch_ids: new Set(),
        now,
      });
      return `launch-${index}`;
    case 'lease':
      return acquireRunningLease(store, {
        scope: 'USER#alice',
        launch_id: `launch-${index}`,
        cap: 1,
        running_launch_ids: new Set(),
        now,
      });
    case 'lab-lease':
      // A different user each: only the lab's cap (set in the store by the test) holds them back.
      await acquireRunningLeases(store, {
        research_user: `user${index}`,
        launch_id: `launch-${index}`,
        policy_cap: undefined,
        overridden: false,
        instances: [],
        now,
      });
      return `user${index}`;
    case 'accept': {
      const payload = { id: 'invitation-1', issuer: 'admin', profile: { name: 'lab' } } as InvitationPayload;
      await takeInvitationUse(store, payload, `carol${index}`, now);
      return `carol${index}`;
    }
  }
}

process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() !== 'go') continue;
  try {
    process.stdout.write(`${JSON.stringify({ ok: await run() })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: (error as Error).message })}\n`);
  }
  break;
}
lines.close();
