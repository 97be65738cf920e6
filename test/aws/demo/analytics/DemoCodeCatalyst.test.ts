import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DemoCodeCatalyst } from '../../../../source/aws/demo/analytics/DemoCodeCatalyst.js';
import type { CloudError } from '../../../../source/core/CloudError.js';

const SPACE = 'cws-demo-space';
const PROJECT = 'climate-analysis';
const NOTEBOOK = 'd1f0c2a4-5b6e-4c7d-8e9f-0a1b2c3d4e5f';

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'catalyst-'));
  let now = Date.parse('2026-12-06T09:00:00Z');
  const clock = () => now;
  return {
    dir,
    // A new instance per call, as each CLI run makes one: only the state dir carries a start over.
    catalyst: () => new DemoCodeCatalyst(dir, 1, clock),
    advance: (seconds: number) => (now += seconds * 1000),
  };
}

async function statusOf(catalyst: DemoCodeCatalyst, id: string) {
  return (await catalyst.listDevEnvironments(SPACE, PROJECT)).find((e) => e.id === id)?.status;
}

describe('CodeCatalyst on the demo account', () => {
  it('keeps a start in the state dir and moves it from STARTING to RUNNING by the clock', async () => {
    const { catalyst, advance } = setUp();
    expect(await statusOf(catalyst(), NOTEBOOK)).toBe('STOPPED');
    expect(await catalyst().startDevEnvironment(SPACE, PROJECT, NOTEBOOK)).toBe('STARTING');
    expect(await statusOf(catalyst(), NOTEBOOK)).toBe('STARTING');
    advance(30);
    expect(await statusOf(catalyst(), NOTEBOOK)).toBe('RUNNING');
    expect(await catalyst().stopDevEnvironment(SPACE, PROJECT, NOTEBOOK)).toBe('STOPPING');
    advance(30);
    expect(await statusOf(catalyst(), NOTEBOOK)).toBe('STOPPED');
  });

  it('refuses a change while one is in progress, and says so', async () => {
    const { catalyst } = setUp();
    await catalyst().startDevEnvironment(SPACE, PROJECT, NOTEBOOK);
    const error = (await catalyst()
      .stopDevEnvironment(SPACE, PROJECT, NOTEBOOK)
      .catch((e: unknown) => e)) as CloudError;
    expect(error.code).toBe('ConflictException');
    expect(error.message).toMatch(/is starting/);
  });

  it('answers a missing project or environment with not-found', async () => {
    const { catalyst } = setUp();
    await expect(catalyst().listDevEnvironments(SPACE, 'nope')).rejects.toThrow(/project nope/);
    await expect(catalyst().startDevEnvironment(SPACE, PROJECT, 'missing')).rejects.toThrow(
      /dev environment missing does not exist/,
    );
  });

  it('sets a broken state file aside and starts from the defaults', async () => {
    const { dir, catalyst } = setUp();
    writeFileSync(join(dir, 'demo-codecatalyst.json'), '{not json');
    expect(await statusOf(catalyst(), NOTEBOOK)).toBe('STOPPED');
    expect(
      readdirSync(dir).some(
        (name) => name.startsWith('demo-codecatalyst.json') && name !== 'demo-codecatalyst.json',
      ),
    ).toBe(true);
  });

  it("gives the cost report each started environment's running spans from the kept start/stop history", async () => {
    const { catalyst, advance } = setUp();
    // Nothing started yet: no compute to count.
    expect(await catalyst().listDevEnvironmentUsage()).toEqual([]);
    advance(60);
    await catalyst().startDevEnvironment(SPACE, PROJECT, NOTEBOOK);
    advance(3600);
    await catalyst().stopDevEnvironment(SPACE, PROJECT, NOTEBOOK);
    advance(30);
    await catalyst().startDevEnvironment(SPACE, PROJECT, NOTEBOOK);
    const usages = await catalyst().listDevEnvironmentUsage();
    expect(usages).toHaveLength(1);
    expect(usages[0]?.environment).toMatchObject({ id: NOTEBOOK, status: 'STARTING' });
    expect(usages[0]?.transitions).toEqual([
      { at: '2026-12-06T09:01:00.000Z', state: 'running' },
      { at: '2026-12-06T10:01:30.000Z', state: 'stopped' },
      { at: '2026-12-06T10:01:30.000Z', state: 'running' },
    ]);
    expect(usages[0]?.partial_history).toBeUndefined();
  });
});
