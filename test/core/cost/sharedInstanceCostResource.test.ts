import { describe, expect, it } from 'vitest';
import { costResourceFromInstance } from '../../../source/core/cost/CostResource.js';
import { sharedInstanceCostResource } from '../../../source/core/cost/sharedInstanceCostResource.js';
import type { Instance } from '../../../source/core/ports.js';

const instance = (spot = false): Instance => ({
  id: 'i-1',
  name: 'ws',
  region: 'us-east-1',
  state: 'running',
  instance_type: 't3.medium',
  architecture: 'x86_64',
  image_id: 'ami-1',
  launched_at: '2026-11-01T00:00:00Z',
  spot,
  hibernation_configured: false,
  hibernated: false,
  root_volume_gb: 30,
  root_volume_type: 'gp3',
  tags: {},
  transitions: [{ at: '2026-11-01T00:00:00Z', state: 'running' }],
});

describe('sharedInstanceCostResource', () => {
  it('gives an unchanged instance the same resource every time, equal to the one made afresh', () => {
    const listed = instance();
    const first = sharedInstanceCostResource(listed);
    expect(first).toEqual(costResourceFromInstance(listed));
    expect(sharedInstanceCostResource(listed)).toBe(first);
  });

  it('makes a new resource for a new instance object or another spot quote', () => {
    const listed = instance(true);
    const quote = { usd_per_hour: 0.01, source: 'spot' as const, as_of: '2026-11-01T00:00:00Z' };
    const atQuote = sharedInstanceCostResource(listed, quote);
    expect(atQuote.spot_price).toBe(quote);
    expect(sharedInstanceCostResource(listed, quote)).toBe(atQuote);
    const later = { ...quote, usd_per_hour: 0.02 };
    const atLater = sharedInstanceCostResource(listed, later);
    expect(atLater).not.toBe(atQuote);
    expect(atLater.spot_price).toBe(later);
    // A changed instance is a new object from the listing: it is never priced from the old one.
    const changed = { ...listed, state: 'stopped' as const };
    expect(sharedInstanceCostResource(changed, later)).not.toBe(atLater);
  });
});
