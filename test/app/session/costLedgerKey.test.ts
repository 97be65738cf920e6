import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSession } from '../../../source/app/session/openSession.js';
import { runLaunchCommand } from '../../../source/commands/launchCommand.js';
import { runProfilesCommand } from '../../../source/commands/profilesCommand.js';
import { runCommand, testEnvironment } from '../../commands/commandHarness.js';

async function boxSpend(env: NodeJS.ProcessEnv, profile?: string): Promise<number | undefined> {
  const session = await openSession({ env, demo: true, ...(profile ? { profile } : {}) });
  const { report } = await session.costReport({ fireAlerts: false });
  return report.items.find((item) => item.name === 'box')?.month_to_date;
}

describe("the cost history of an account's workstations", () => {
  it('is kept per account: a profile switch, or an older per-profile ledger, loses none of it', async () => {
    const env = testEnvironment();
    const stateDir = env.CWS_STATE_DIR ?? '';
    expect((await runCommand(runLaunchCommand, ['ubuntu-24-04', 'box'], env, { demo: true })).code).toBe(0);
    const seen = await boxSpend(env);
    expect(seen).toBeGreaterThanOrEqual(0);
    // As an older cws-tui left it: the ledger under the profile's name, and the instance since gone
    // from the account, so only the ledger remembers what it cost.
    const ledgers = join(stateDir, 'cost-ledger');
    await rename(join(ledgers, 'demo-account.json'), join(ledgers, 'demo-demo.json'));
    const statePath = join(stateDir, 'demo-account.json');
    const state = JSON.parse(await readFile(statePath, 'utf8')) as { instances: unknown[] };
    state.instances = [];
    await writeFile(statePath, JSON.stringify(state));
    const afterUpgrade = await boxSpend(env);
    expect(afterUpgrade).toBeGreaterThanOrEqual(seen ?? 0);
    await runCommand(runProfilesCommand, ['create', 'lab'], env, { awsProfile: 'lab', region: 'us-east-1' });
    expect(await boxSpend(env, 'lab')).toBe(afterUpgrade);
  }, 30_000);
});
