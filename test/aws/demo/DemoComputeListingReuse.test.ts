import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { TAG } from '../../../source/core/ports.js';

function launchRequest(region: string, name: string) {
  return {
    region,
    name,
    image_id: 'ami-0123456789abcdef0',
    instance_type: 't3.medium',
    user_data_base64: '',
    client_token: `reuse-${name}`,
    tags: { [TAG.managed]: 'true', [TAG.name]: name },
    root_volume_gb: 30,
    root_volume_type: 'gp3' as const,
    spot: false,
    hibernation: false,
  };
}

describe('the demo account listing an unchanged state', () => {
  it('returns the same instance objects until something changes, then rebuilds only then', async () => {
    let clock = Date.parse('2026-03-02T10:00:00Z');
    const account = createDemoAccount({
      stateDir: mkdtempSync(join(tmpdir(), 'cws-reuse-')),
      env: { CWS_DEMO_SPEED: '0' },
      now: () => clock,
    });
    const region = account.defaultRegion;
    await account.compute.seed([launchRequest(region, 'a'), launchRequest(region, 'b')]);
    clock += 60_000;
    const list = async () => (await account.compute.listInstances({ regions: [region] })).items;
    const first = await list();
    clock += 5000;
    const second = await list();
    expect(second.map((i) => i.state)).toEqual(['running', 'running']);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);

    await account.compute.stopInstance(region, first[0]?.id ?? '', { hibernate: false });
    const third = await list();
    expect(third[0]).not.toBe(first[0]);
    expect(third[0]?.state).not.toBe('running');
    expect(third[1]).toEqual(first[1]);
  });

  it('lists again when an instance of the last listing is due to change, and after a change of state', async () => {
    let clock = Date.parse('2026-03-02T10:00:00Z');
    const account = createDemoAccount({
      stateDir: mkdtempSync(join(tmpdir(), 'cws-reuse-')),
      env: { CWS_DEMO_SPEED: '1' },
      now: () => clock,
    });
    const region = account.defaultRegion;
    const managed = { regions: [region], tags: { [TAG.managed]: 'true' } };
    const launched = await account.compute.runInstance(launchRequest(region, 'c'));
    const first = await account.compute.listInstances(managed);
    expect(first.items.map((i) => i.state)).toEqual(['pending']);
    const again = await account.compute.listInstances(managed);
    // A copy of the kept listing (callers may add to it), with the same objects.
    expect(again.items).not.toBe(first.items);
    expect(again.items[0]).toBe(first.items[0]);
    expect(again.requests).toBe(first.requests);

    clock += 10 * 60_000;
    const later = await account.compute.listInstances(managed);
    expect(later.items.map((i) => i.state)).toEqual(['running']);

    await account.compute.terminateInstance(region, launched.id);
    clock += 10 * 60_000;
    expect((await account.compute.listInstances(managed)).items.map((i) => i.state)).toEqual(['terminated']);
    // EC2 forgets a terminated instance after about an hour, and so does a kept listing.
    clock += 2 * 60 * 60_000;
    expect((await account.compute.listInstances(managed)).items).toEqual([]);
  });
});
