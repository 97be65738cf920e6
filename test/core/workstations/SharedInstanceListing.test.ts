import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { type ComputePort, TAG } from '../../../source/core/ports.js';
import { SharedInstanceListing } from '../../../source/core/workstations/SharedInstanceListing.js';

/** The demo account's EC2 with every DescribeInstances-like listing counted. */
async function countedCompute() {
  const account = createDemoAccount({
    stateDir: mkdtempSync(join(tmpdir(), 'cws-shared-')),
    env: { CWS_DEMO_SPEED: '0' },
  });
  const compute = account.compute;
  const listed: string[] = [];
  const counted: ComputePort = Object.create(compute);
  counted.listInstances = (filter) => {
    listed.push(JSON.stringify(filter));
    return compute.listInstances(filter);
  };
  await compute.runInstance({
    region: account.defaultRegion,
    name: 'one',
    image_id: 'ami-0123456789abcdef0',
    instance_type: 't3.medium',
    user_data_base64: '',
    client_token: 'shared-1',
    tags: { [TAG.managed]: 'true' },
    root_volume_gb: 30,
    root_volume_type: 'gp3',
    spot: false,
    hibernation: false,
  });
  return { counted, listed, region: account.defaultRegion, changes: account.instanceChanges };
}

describe('SharedInstanceListing', () => {
  it('serves the dashboard, the cost report and the services from one listing per refresh', async () => {
    const { counted, listed, region } = await countedCompute();
    let clock = 0;
    const shared = new SharedInstanceListing(counted, 5000, () => clock);
    const [dashboard, cost] = await Promise.all([
      shared.listInstances({ regions: [region], tags: { [TAG.managed]: 'true' } }),
      shared.listInstances({ regions: [region] }),
    ]);
    clock += 4000;
    const services = await shared.listInstances({ regions: [region], tags: { [TAG.managed]: 'true' } });
    expect(listed).toHaveLength(1);
    expect(dashboard.items.map((i) => i.name)).toEqual(['one']);
    expect(cost.items).toEqual(dashboard.items);
    expect(services.requests).toBe(0);
    clock += 1000;
    await shared.listInstances({ regions: [region] });
    expect(listed).toHaveLength(2);
  });

  it('lists again after a change made through it, and never shares a listing by id', async () => {
    const { counted, listed, region } = await countedCompute();
    const shared = new SharedInstanceListing(counted, 60_000, () => 0);
    const [first] = (await shared.listInstances({ regions: [region] })).items;
    await shared.stopInstance(region, first?.id ?? '', { hibernate: false });
    const after = await shared.listInstances({ regions: [region] });
    expect(listed).toHaveLength(2);
    expect(after.items[0]?.state).not.toBe('running');
    await shared.listInstances({ regions: [region], ids: [first?.id ?? ''] });
    await shared.listInstances({ regions: [region], ids: [first?.id ?? ''] });
    expect(listed).toHaveLength(4);
  });

  it('shares only a listing in flight when its age limit is 0, and drops a failed one', async () => {
    const { counted, listed, region } = await countedCompute();
    const shared = new SharedInstanceListing(counted, 0, () => 0);
    await Promise.all([
      shared.listInstances({ regions: [region] }),
      shared.listInstances({ regions: [region] }),
    ]);
    expect(listed).toHaveLength(1);
    await shared.listInstances({ regions: [region] });
    expect(listed).toHaveLength(2);
    const failing = new SharedInstanceListing(
      { ...counted, listInstances: () => Promise.reject(new Error('throttled')) },
      60_000,
      () => 0,
    );
    await expect(failing.listInstances({ regions: [region] })).rejects.toThrow('throttled');
    await expect(failing.listInstances({ regions: [region] })).rejects.toThrow('throttled');
  });

  it('lists again after a tag or type change made through the port it watches', async () => {
    const { counted, listed, region, changes } = await countedCompute();
    const shared = new SharedInstanceListing(counted, 60_000, () => 0);
    const watched = shared.watching(changes);
    const [one] = (await shared.listInstances({ regions: [region] })).items;
    const id = one?.id ?? '';
    await watched.tagInstances(region, [id], { 'cws:efs': 'fs-1' });
    expect((await shared.listInstances({ regions: [region] })).items[0]?.tags['cws:efs']).toBe('fs-1');
    await watched.untagInstances(region, [id], ['cws:efs']);
    expect((await shared.listInstances({ regions: [region] })).items[0]?.tags['cws:efs']).toBeUndefined();
    await counted.stopInstance(region, id, { hibernate: false });
    await watched.modifyInstanceType(region, id, 't3.large');
    expect((await shared.listInstances({ regions: [region] })).items[0]?.instance_type).toBe('t3.large');
    expect(listed).toHaveLength(4);
  });
});
