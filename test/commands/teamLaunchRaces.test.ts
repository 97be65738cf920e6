import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runListCommand } from '../../source/commands/listCommand.js';
import { runProfilesCommand } from '../../source/commands/profilesCommand.js';
import { runUsersCommand } from '../../source/commands/usersCommand.js';
import { createTestTeamStore, type DynaliteServer, startDynalite } from '../aws/dynamodb/dynaliteServer.js';
import { type RaceOutcome, runRace } from '../core/team/runRace.js';
import { runCommand, testEnvironment } from './commandHarness.js';

const WORKERS = 4;
const WORKER = new URL('./launchRaceWorker.ts', import.meta.url);

let server: DynaliteServer;
beforeAll(async () => {
  server = await startDynalite();
  // The commands run in this process too; dynalite takes any credentials, the chain needs some.
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
});
afterAll(async () => {
  await server.close();
});

/** A demo-account environment on the local store, or on a new table of dynalite. */
async function environment(kind: 'local' | 'dynamodb'): Promise<NodeJS.ProcessEnv> {
  const env = { ...testEnvironment(), PATH: process.env.PATH };
  if (kind === 'local') return env;
  const table = `launch-${randomUUID().slice(0, 8)}`;
  await createTestTeamStore(server.endpoint, table);
  return {
    ...env,
    CWS_TEAM_STORE: `dynamodb:${table}`,
    AWS_ENDPOINT_URL_DYNAMODB: server.endpoint,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
  };
}

const race = (env: NodeJS.ProcessEnv, mode: 'same' | 'distinct', profile = '-') =>
  runRace(WORKER, [JSON.stringify(env), mode, profile], WORKERS);
/** The instances the successful launches report: a launch that resumed another's reports the same one. */
const launched = (outcomes: RaceOutcome[]) =>
  new Set(outcomes.flatMap((outcome) => ('ok' in outcome ? [String(outcome.ok)] : [])));

async function liveWorkstations(
  env: NodeJS.ProcessEnv,
  profile?: string,
): Promise<Array<{ name: string; state: string }>> {
  const listed = await runCommand(runListCommand, [], env, {
    demo: true,
    json: true,
    ...(profile ? { profile } : {}),
  });
  return (JSON.parse(listed.stdout) as Array<{ name: string; state: string }>).filter(
    (row) => row.state !== 'terminated' && row.state !== 'shutting-down',
  );
}

describe.each(['local', 'dynamodb'] as const)(
  'parallel launches on the demo account, %s team store',
  (kind) => {
    it(`${WORKERS} launches of one name leave one instance; the others say who holds the name`, async () => {
      const env = await environment(kind);
      const outcomes = await race(env, 'same');
      expect(launched(outcomes).size).toBe(1);
      for (const outcome of outcomes) {
        if ('error' in outcome)
          expect(outcome.error).toMatch(/the name 'same' is held|a workstation named 'same' already exists/);
      }
      expect((await liveWorkstations(env)).map((row) => row.name)).toEqual(['same']);
    }, 120_000);

    it(`${WORKERS} launches under max_running_per_user 1 leave one running`, async () => {
      const env = await environment(kind);
      const policy = join(String(env.HOME), 'cap.yaml');
      writeFileSync(policy, 'max_running_per_user: 1\n');
      await runCommand(runProfilesCommand, ['create', 'lab'], env, {
        awsProfile: 'lab',
        region: 'us-east-1',
        policy,
        user: 'alice',
      });
      const created = await runCommand(runUsersCommand, ['create', 'alice'], env, {
        demo: true,
        profile: 'lab',
      });
      expect(created.code).toBe(0);
      const outcomes = await race(env, 'distinct', 'lab');
      expect(launched(outcomes).size).toBe(1);
      expect(await liveWorkstations(env, 'lab')).toHaveLength(1);
    }, 120_000);
  },
);
