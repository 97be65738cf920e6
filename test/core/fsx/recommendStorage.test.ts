import { describe, expect, it } from 'vitest';
import { recommendStorage, type StorageNeed } from '../../../source/core/fsx/recommendStorage.js';

const need = (overrides: Partial<StorageNeed>): StorageNeed => ({
  capacity_gib: 20_480,
  throughput_mbps: 2000,
  access: 'shared',
  pattern: 'hpc-scratch',
  months: 3,
  ...overrides,
});

describe('recommendStorage', () => {
  it.each([
    [need({}), 'FSx Lustre scratch'],
    // 1000 MB/s/TiB on 4800 GiB beats sizing scratch up to 21600 GiB for the throughput.
    [
      need({ pattern: 'ml-training', capacity_gib: 4800, throughput_mbps: 4000 }),
      'FSx Lustre persistent SSD',
    ],
    [need({ pattern: 'ml-training', capacity_gib: 24_000, throughput_mbps: 2000 }), 'FSx Lustre scratch'],
    [need({ pattern: 'home', capacity_gib: 512, throughput_mbps: 100 }), 'FSx OpenZFS'],
    [need({ pattern: 'archive', capacity_gib: 51_200, throughput_mbps: 100 }), 'EFS infrequent access'],
    [need({ access: 'single', pattern: 'home', capacity_gib: 500, throughput_mbps: 250 }), 'EBS gp3'],
    [need({ pattern: 'home', capacity_gib: 20_480, throughput_mbps: 2000 }), 'FSx OpenZFS'],
    [need({ pattern: 'home', capacity_gib: 20_480, throughput_mbps: 6000 }), 'FSx Lustre persistent SSD'],
  ])('picks for %o: %s', (asked, expected) => {
    const result = recommendStorage(asked);
    expect(result.pick?.option).toBe(expected);
    expect(result.explanation).toContain(`${expected} is the cheapest that fits`);
  });

  it('rules out what cannot be shared or is too slow, and prices the months asked', () => {
    const result = recommendStorage(need({}));
    const gp3 = result.options.find((option) => option.option === 'EBS gp3');
    expect(gp3).toMatchObject({
      fits: false,
      notes: expect.arrayContaining(['one instance only (not shared)', 'at most 1000 MB/s']),
    });
    expect(result.pick?.total_usd).toBeCloseTo((result.pick?.monthly_usd ?? 0) * 3, 6);
    expect(result.pick?.provisioned_gib).toBe(21_600);
  });

  it('shows measured figures next to the published ones', () => {
    const result = recommendStorage(need({}), { 'FSx Lustre scratch': 3900 });
    expect(result.pick?.measured_mbps).toBe(3900);
  });

  it('says when nothing fits', () => {
    expect(recommendStorage(need({ throughput_mbps: 10_000_000 })).explanation).toMatch(/^Nothing fits/);
  });
});
