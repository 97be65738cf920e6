import { describe, expect, it } from 'vitest';
import { WorkstationRows } from '../../../source/app/session/WorkstationRows.js';
import type { PriceQuote } from '../../../source/core/cost/PriceQuote.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import type { SpotPriceSource } from '../../../source/core/cost/SpotPriceSource.js';
import type { Instance } from '../../../source/core/ports.js';

const instance = (overrides: Partial<Instance> = {}): Instance => ({
  id: 'i-0123456789abcdef0',
  name: 'ws-1',
  region: 'us-east-1',
  state: 'running',
  instance_type: 'm7i.large',
  architecture: 'x86_64',
  image_id: 'ami-0123456789abcdef0',
  launched_at: '2026-12-01T00:00:00.000Z',
  spot: false,
  hibernation_configured: false,
  hibernated: false,
  root_volume_gb: 30,
  root_volume_type: 'gp3',
  tags: { 'cws:managed': 'true', 'cws:template': 'python-ml' },
  transitions: [{ at: '2026-12-01T00:00:00.000Z', state: 'running' }],
  ...overrides,
});

/** A spot price source whose price the test moves. */
function movingSpotPrice(start: number): { source: SpotPriceSource; moveTo: (usd: number) => void } {
  let usd = start;
  return {
    source: {
      currentSpotPrice: async (): Promise<PriceQuote> => ({
        usd_per_hour: usd,
        source: 'spot',
        as_of: '2026-12-01',
      }),
    },
    moveTo: (next) => {
      usd = next;
    },
  };
}

describe('WorkstationRows', () => {
  it('gives an instance listed unchanged the very row object it gave before', async () => {
    const rows = new WorkstationRows(snapshotPriceCatalog, {}, undefined);
    const listed = [instance(), instance({ id: 'i-0fedcba9876543210', name: 'ws-2' })];
    const first = await rows.all(listed, []);
    const second = await rows.all(listed, []);
    expect(second).toHaveLength(2);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(first[0]?.hourly_cost).toBeGreaterThan(0);
  });

  it('builds a new row, priced again, for an instance that changed', async () => {
    const rows = new WorkstationRows(snapshotPriceCatalog, {}, undefined);
    const [running] = await rows.all([instance()], []);
    const [stopped] = await rows.all(
      [instance({ state: 'stopped', transitions: [{ at: '2026-12-02T00:00:00.000Z', state: 'stopped' }] })],
      [],
    );
    expect(stopped).not.toBe(running);
    expect(stopped?.state).toBe('stopped');
    // Stopped, only the root volume is paid for.
    expect(stopped?.hourly_cost).toBeLessThan(running?.hourly_cost ?? 0);
  });

  it('prices a spot instance again when its spot price moves, and keeps its row when it does not', async () => {
    const price = movingSpotPrice(0.05);
    const rows = new WorkstationRows(snapshotPriceCatalog, {}, price.source);
    const listed = [instance({ spot: true })];
    const [first] = await rows.all(listed, []);
    const [same] = await rows.all(listed, []);
    price.moveTo(0.09);
    const [moved] = await rows.all(listed, []);
    expect(same).toBe(first);
    expect(moved).not.toBe(first);
    expect(moved?.hourly_cost).toBeCloseTo((first?.hourly_cost ?? 0) + 0.04, 6);
  });

  it('keeps an on-demand row when the spot price of its type moves', async () => {
    const price = movingSpotPrice(0.05);
    const rows = new WorkstationRows(snapshotPriceCatalog, {}, price.source);
    const listed = [instance({ spot: true, id: 'i-0aaaaaaaaaaaaaaaa' }), instance()];
    const [spotBefore, first] = await rows.all(listed, []);
    price.moveTo(0.09);
    const [spot, same] = await rows.all(listed, []);
    expect(same).toBe(first);
    expect(spot).not.toBe(spotBefore);
  });

  it('marks a row whose ownership tags changed since its launch record', async () => {
    const rows = new WorkstationRows(snapshotPriceCatalog, {}, undefined);
    const listed = instance({
      client_token: 'launch-1',
      tags: { 'cws:managed': 'true', 'cws:research-user': 'bob' },
    });
    const [row] = await rows.all(
      [listed],
      [
        {
          id: 'launch-1',
          profile: 'lab',
          name: 'ws-1',
          template: 'python-ml',
          region: 'us-east-1',
          created_at: '2026-12-01T00:00:00.000Z',
          status: 'launched',
          instance_id: listed.id,
          ownership_tags: { 'cws:managed': 'true', 'cws:research-user': 'alice' },
        },
      ],
    );
    expect(row?.tampered).toEqual(["cws:research-user: launched 'alice', now 'bob'"]);
  });
});
