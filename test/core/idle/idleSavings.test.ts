import { describe, expect, it } from 'vitest';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { idleSavings } from '../../../source/core/idle/idleSavings.js';
import type { Instance } from '../../../source/core/ports.js';

const HOUR = 3_600_000;
const now = new Date('2026-12-20T12:00:00Z');
const window = { from: new Date('2026-12-01T00:00:00Z'), to: now };
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR).toISOString();
const hourly = snapshotPriceCatalog.instanceHourly('m7i.large', 'us-east-1')?.usd_per_hour ?? Number.NaN;

function instance(overrides: Partial<Instance>): Instance {
  return {
    id: 'i-0123456789abcdef0',
    name: 'box',
    region: 'us-east-1',
    state: 'stopped',
    instance_type: 'm7i.large',
    architecture: 'x86_64',
    image_id: 'ami-0123456789abcdef0',
    launched_at: hoursAgo(100),
    spot: false,
    hibernation_configured: false,
    hibernated: false,
    root_volume_gb: 100,
    root_volume_type: 'gp3',
    tags: { 'cws:idle-action': 'stop', 'cws:idle-at': hoursAgo(10) },
    transitions: [{ at: hoursAgo(10), state: 'stopped' }],
    ...overrides,
  };
}

describe('idleSavings', () => {
  it('counts a workstation still stopped from the idle stop until now', () => {
    const { savings, total_usd } = idleSavings([instance({})], snapshotPriceCatalog, window);
    expect(savings).toEqual([
      { workstation: 'box', action: 'stop', at: hoursAgo(10), stopped_hours: 10, usd: 10 * hourly },
    ]);
    expect(total_usd).toBeCloseTo(10 * hourly, 10);
  });

  it('counts a workstation started again since (AWS: the latest transition is its LaunchTime)', () => {
    const restarted = instance({
      state: 'running',
      launched_at: hoursAgo(4),
      transitions: [{ at: hoursAgo(4), state: 'running' }],
    });
    const [saving] = idleSavings([restarted], snapshotPriceCatalog, window).savings;
    expect(saving?.stopped_hours).toBe(6);
    expect(saving?.restarted_at).toBe(hoursAgo(4));
  });

  it('counts a restart the demo account keeps in its full history', () => {
    const restarted = instance({
      state: 'stopped',
      tags: { 'cws:idle-action': 'hibernate', 'cws:idle-at': hoursAgo(30) },
      transitions: [
        { at: hoursAgo(100), state: 'running' },
        { at: hoursAgo(30), state: 'hibernated' },
        { at: hoursAgo(20), state: 'running' },
        { at: hoursAgo(2), state: 'stopped' },
      ],
    });
    const [saving] = idleSavings([restarted], snapshotPriceCatalog, window).savings;
    expect(saving).toMatchObject({ action: 'hibernate', stopped_hours: 10, restarted_at: hoursAgo(20) });
  });

  it('counts only this month: a stop before the month began counts from its first hour', () => {
    const early = instance({
      tags: { 'cws:idle-action': 'stop', 'cws:idle-at': '2026-11-30T00:00:00Z' },
      transitions: [{ at: '2026-11-30T00:00:00Z', state: 'stopped' }],
    });
    const [saving] = idleSavings([early], snapshotPriceCatalog, window).savings;
    expect(saving?.stopped_hours).toBe((now.getTime() - window.from.getTime()) / HOUR);
  });

  it('leaves out a stop that ended before the month, and instances the agent never stopped', () => {
    const lastMonth = instance({
      state: 'running',
      tags: { 'cws:idle-action': 'stop', 'cws:idle-at': '2026-11-10T00:00:00Z' },
      launched_at: '2026-11-11T00:00:00Z',
      transitions: [{ at: '2026-11-11T00:00:00Z', state: 'running' }],
    });
    const untouched = instance({ tags: {} });
    const badTag = instance({ tags: { 'cws:idle-action': 'stop', 'cws:idle-at': 'yesterday' } });
    expect(idleSavings([lastMonth, untouched, badTag], snapshotPriceCatalog, window).savings).toEqual([]);
  });

  it('marks a type without a price instead of counting it as nothing saved', () => {
    const odd = instance({ instance_type: 'x9z.huge' });
    const { savings, total_usd } = idleSavings([odd], snapshotPriceCatalog, window);
    expect(savings[0]).toMatchObject({ stopped_hours: 10, usd: 0, price_unknown: true });
    expect(total_usd).toBe(0);
  });
});
