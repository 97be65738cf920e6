import { describe, expect, it, vi } from 'vitest';
import { idleSavingsCommand } from '../../source/commands/idleScheduleCommand.js';
import type { PriceCatalog } from '../../source/core/cost/PriceCatalog.js';
import { snapshotPriceCatalog } from '../../source/core/cost/priceTable.js';
import { openDemoSession, seedWorkstation, tempEnv } from '../app/demoSession.js';
import { defaultFlags } from './commandHarness.js';

/** A session whose prices are unknown until the Price List API's are loaded, as on AWS for a type the table lacks. */
async function sessionWithLatePrices() {
  const env = tempEnv();
  const session = await openDemoSession(env);
  await seedWorkstation(session, 'box', { type: 'm7i.large' });
  const [box] = await session.listWorkstations();
  await vi.waitFor(async () => expect((await session.listWorkstations())[0]?.state).toBe('running'));
  await session.account.compute.stopInstance(box?.region ?? '', box?.id ?? '', { hibernate: false });
  await session.account.instanceChanges.tagInstances(box?.region ?? '', [box?.id ?? ''], {
    'cws:idle-action': 'stop',
    'cws:idle-at': new Date().toISOString(),
  });
  let live = false;
  const prices: PriceCatalog = {
    instanceHourly: (type, region) => (live ? snapshotPriceCatalog.instanceHourly(type, region) : undefined),
    storageMonthly: (kind, region) => snapshotPriceCatalog.storageMonthly(kind, region),
  };
  const ops = { ...session.operationsContext(), prices };
  const run = async (livePrices?: () => Promise<void>) => {
    let stdout = '';
    await idleSavingsCommand({
      args: [],
      flags: { ...defaultFlags(), json: true },
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => undefined,
      env,
      session,
      ops: { ...ops, ...(livePrices ? { livePrices } : {}) },
    });
    return JSON.parse(stdout) as { savings: Array<{ price_unknown?: boolean; workstation: string }> };
  };
  return {
    run,
    load: async () => {
      live = true;
    },
  };
}

describe('idle savings prices on AWS (issue 19)', () => {
  it('marks a saving unpriced without live prices, and prices it once they are loaded first', async () => {
    const { run, load } = await sessionWithLatePrices();
    expect((await run()).savings).toMatchObject([{ workstation: 'box', price_unknown: true }]);
    const [priced] = (await run(load)).savings;
    expect(priced?.workstation).toBe('box');
    expect(priced?.price_unknown).toBeUndefined();
  });
});
