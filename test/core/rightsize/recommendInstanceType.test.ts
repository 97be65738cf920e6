import { describe, expect, it } from 'vitest';
import { findInstanceType, listInstanceTypes } from '../../../source/core/catalog/instanceTypes.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { percentile, recommendInstanceType } from '../../../source/core/rightsize/recommendInstanceType.js';

const FORTNIGHT = 14 * 288;

function type(name: string) {
  const info = findInstanceType(name);
  if (!info) throw new Error(name);
  return info;
}

function flat(percent: number, count = FORTNIGHT): number[] {
  return Array.from({ length: count }, () => percent);
}

describe('recommendInstanceType', () => {
  it('downsizes a mostly idle m7i.2xlarge within its family, keeping half its memory when unmeasured', () => {
    const advice = recommendInstanceType(
      type('m7i.2xlarge'),
      'us-east-1',
      { cpu_percent: flat(8) },
      listInstanceTypes(),
      snapshotPriceCatalog,
    );
    expect(advice.verdict).toBe('downsize');
    expect(advice.recommended).toBe('m7i.xlarge');
    expect(advice.evidence).toEqual({ samples: FORTNIGHT, p95_cpu_percent: 8 });
    const before = snapshotPriceCatalog.instanceHourly('m7i.2xlarge', 'us-east-1')?.usd_per_hour ?? 0;
    const after = snapshotPriceCatalog.instanceHourly('m7i.xlarge', 'us-east-1')?.usd_per_hour ?? 0;
    expect(advice.monthly_saving_usd).toBeCloseTo((before - after) * 730, 6);
  });

  it('sizes memory by what the agent measured', () => {
    const advice = (memory: number) =>
      recommendInstanceType(
        type('m7i.2xlarge'),
        'us-east-1',
        { cpu_percent: flat(8), memory_percent: flat(memory) },
        listInstanceTypes(),
        snapshotPriceCatalog,
      );
    // 10% of 32 GiB with 20% headroom is 4 GiB: the 8-GiB m7i.large holds it.
    expect(advice(10)).toMatchObject({ recommended: 'm7i.large', evidence: { peak_memory_percent: 10 } });
    // 55% is 22 GiB: no smaller m7i has the memory.
    expect(advice(55)).toMatchObject({ verdict: 'keep' });
  });

  it('upsizes a saturated workstation, and keeps a well-used one', () => {
    const saturated = recommendInstanceType(
      type('m7i.large'),
      'us-east-1',
      { cpu_percent: flat(97) },
      listInstanceTypes(),
      snapshotPriceCatalog,
    );
    expect(saturated).toMatchObject({ verdict: 'upsize', recommended: 'm7i.xlarge' });
    expect(saturated.monthly_saving_usd).toBeLessThan(0);
    const busy = recommendInstanceType(
      type('m7i.large'),
      'us-east-1',
      { cpu_percent: flat(50) },
      listInstanceTypes(),
      snapshotPriceCatalog,
    );
    expect(busy.verdict).toBe('keep');
  });

  it('says when there is not a day of evidence', () => {
    const advice = recommendInstanceType(
      type('m7i.large'),
      'us-east-1',
      { cpu_percent: flat(1, 100) },
      listInstanceTypes(),
      snapshotPriceCatalog,
    );
    expect(advice).toMatchObject({ verdict: 'not-enough-data', evidence: { samples: 100 } });
  });

  it('takes the 95th percentile, not the mean', () => {
    const values = [...flat(5, 95), ...flat(90, 5)];
    expect(percentile(values, 95)).toBe(5);
    expect(percentile([...flat(5, 94), ...flat(90, 6)], 95)).toBe(90);
  });
});
