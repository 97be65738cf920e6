import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { listCostResources } from '../../../source/core/cost/listCostResources.js';
import { TAG } from '../../../source/core/ports.js';
import { TimeSlicer } from '../../../source/core/slicing/TimeSlicer.js';

/** A demo account with one running t3.medium per name, and its default region. */
async function seededAccount(names: string[]) {
  const account = createDemoAccount({
    stateDir: mkdtempSync(join(tmpdir(), 'cws-cost-list-')),
    env: { CWS_DEMO_SPEED: '0' },
  });
  const region = account.defaultRegion;
  await account.compute.seed(
    names.map((name) => ({
      region,
      name,
      image_id: 'ami-0123456789abcdef0',
      instance_type: 't3.medium',
      user_data_base64: '',
      client_token: `cost-list-${name}`,
      tags: { [TAG.managed]: 'true', [TAG.name]: name },
      root_volume_gb: 30,
      root_volume_type: 'gp3' as const,
      spot: false,
      hibernation: false,
    })),
  );
  return { account, region };
}

describe('listCostResources', () => {
  it('prices the instances in slices, letting a key read meanwhile in between', async () => {
    const { account, region } = await seededAccount(['a', 'b', 'c', 'd']);
    // Each instance uses a whole slice of this clock's time.
    let clock = 0;
    const slicer = new TimeSlicer(4, () => (clock += 4));
    let keysRead = 0;
    const key = () => {
      keysRead++;
      if (keysRead < 10) setImmediate(key);
    };
    const listing = listCostResources(account, [region], undefined, { slicer });
    setImmediate(key);
    const { resources, warnings } = await listing;
    expect(warnings).toEqual([]);
    // The demo account's QuickSight subscription adds a metered line; the instances are what is sliced.
    const instances = resources.filter((resource) => resource.kind === 'instance');
    expect(instances.map((resource) => resource.name).sort()).toEqual(['a', 'b', 'c', 'd']);
    // Turns were handed to the event loop between instances, not only once the listing was done.
    expect(keysRead).toBeGreaterThanOrEqual(3);
  });

  it('gives the same resources again while the instances are unchanged, not a copy per report', async () => {
    const { account, region } = await seededAccount(['a', 'b']);
    const instancesOf = async () =>
      (await listCostResources(account, [region])).resources.filter(
        (resource) => resource.kind === 'instance',
      );
    const first = await instancesOf();
    const second = await instancesOf();
    expect(second).toHaveLength(2);
    for (const [index, resource] of second.entries()) expect(resource).toBe(first[index]);
    // A stop changes the instance: its resource is made again, with its new state.
    const stopped = first.find((resource) => resource.name === 'a');
    await account.compute.stopInstance(region, stopped?.id ?? '', { hibernate: false });
    const third = await instancesOf();
    const restated = third.find((resource) => resource.name === 'a');
    expect(restated).not.toBe(stopped);
    expect(restated?.kind === 'instance' && restated.transitions.at(-1)?.state).toBe('stopped');
  });
});
