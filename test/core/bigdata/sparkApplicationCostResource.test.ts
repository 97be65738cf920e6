import { describe, expect, it } from 'vitest';
import type { JobRun } from '../../../source/core/bigdata/ports.js';
import { sparkApplicationCostResource } from '../../../source/core/bigdata/sparkApplicationCostResource.js';
import { sparkApplicationFixture } from './sparkApplicationFixture.js';

const application = sparkApplicationFixture('etl', {
  created_at: '2026-12-01T00:00:00.000Z',
  updated_at: '2026-12-06T03:00:00.000Z',
});

const run = (id: string, billed?: JobRun['billed']): JobRun => ({
  id,
  application_id: 'a1',
  name: `run-${id}`,
  state: 'SUCCESS',
  created_at: '2026-12-06T03:10:00.000Z',
  updated_at: '2026-12-06T03:20:00.000Z',
  entry_point: 's3://b/x.py',
  arguments: [],
  ...(billed ? { billed } : {}),
});

describe('sparkApplicationCostResource', () => {
  it('charges each ended run its billed vCPU, memory and storage hours, and the warm workers by the hour', () => {
    const resource = sparkApplicationCostResource(application, [
      run('r1', { vcpu_hours: 2, memory_gb_hours: 8, storage_gb_hours: 10 }),
      run('r2'),
    ])!;
    expect(resource).toMatchObject({ kind: 'metered', service: 'EMR Serverless', price_source: 'snapshot' });
    expect(resource.usd_per_hour).toBeCloseTo(4 * 0.052624 + 16 * 0.0057785, 9);
    expect(resource.charges).toHaveLength(1);
    expect(resource.charges![0]!.usd).toBeCloseTo(2 * 0.052624 + 8 * 0.0057785 + 10 * 0.000111, 9);
    expect(resource.charges![0]!.what).toBe(
      'run run-r1 success (2.000 vCPU-h, 8.000 GB-h, 10.000 storage GB-h)',
    );
    expect(resource.transitions).toEqual([
      { at: '2026-12-01T00:00:00.000Z', state: 'stopped' },
      { at: '2026-12-06T03:00:00.000Z', state: 'running' },
    ]);
  });

  it('is undefined in a region the price snapshot does not cover', () => {
    expect(sparkApplicationCostResource({ ...application, region: 'me-central-1' }, [])).toBeUndefined();
  });
});
