import { describe, expect, it } from 'vitest';
import {
  FSX_SHAPE_RULES,
  fsxShapeProblems,
  nearestCapacities,
} from '../../../source/core/fsx/fsxShapeRules.js';
import { parseCapacityGib, parseThroughputMbps } from '../../../source/core/fsx/parseStorageAmounts.js';
import { type FsxCreateOptions, planFsxCreate } from '../../../source/core/fsx/planFsxCreate.js';
import type { ResearchUser } from '../../../source/core/identity/ResearchUser.js';

const users: Record<string, Pick<ResearchUser, 'username' | 'uid'>> = {
  alice: { username: 'alice', uid: 2001 },
  bob: { username: 'bob', uid: 2002 },
};
const findUser = async (name: string) => users[name] as ResearchUser | undefined;
const options = (overrides: Partial<FsxCreateOptions>): FsxCreateOptions => ({
  name: 'scratch',
  type: 'lustre',
  import: false,
  export: false,
  quotas: [],
  ...overrides,
});

describe('FSx capacity and throughput rules', () => {
  it('takes Lustre 1200, 2400 and multiples of 2400 GiB, and names the nearest otherwise', () => {
    expect(fsxShapeProblems('scratch2', 1200)).toEqual([]);
    expect(fsxShapeProblems('scratch2', 2400)).toEqual([]);
    expect(fsxShapeProblems('persistent2', 7200, 250)).toEqual([]);
    expect(nearestCapacities(FSX_SHAPE_RULES.scratch2, 3000)).toEqual([2400, 4800]);
    expect(nearestCapacities(FSX_SHAPE_RULES.scratch2, 1000)).toEqual([1200]);
    expect(nearestCapacities(FSX_SHAPE_RULES.scratch2, 1800)).toEqual([1200, 2400]);
    expect(fsxShapeProblems('scratch2', 3000)).toEqual([
      'lustre scratch2 does not take 3000 GiB (it takes 1200, then multiples of 2400 GiB): nearest 2400 GiB or 4800 GiB',
    ]);
  });

  it('refuses throughput a deployment does not offer, with the nearest levels', () => {
    expect(fsxShapeProblems('persistent2', 1200, 300)).toEqual([
      'lustre persistent2 does not take 300 MB/s/TiB (it takes 125, 250, 500, 1000): nearest 250 or 500 MB/s/TiB',
    ]);
    expect(fsxShapeProblems('scratch2', 1200, 500)[0]).toMatch(
      /scratch2's throughput is fixed at 200 MB\/s\/TiB/,
    );
    expect(fsxShapeProblems('single-az-1', 32, 100)).toEqual([
      'openzfs single-az-1 does not take 32 GiB (it takes 64 to 524288 GiB in whole GiB): nearest 64 GiB',
      'openzfs single-az-1 does not take 100 MB/s (it takes 64, 128, 256, 512, 1024, 2048, 3072, 4096): nearest 64 or 128 MB/s',
    ]);
  });

  it('reads sizes and rates with their units', () => {
    expect(parseCapacityGib('20TiB')).toBe(20480);
    expect(parseCapacityGib('1200')).toBe(1200);
    expect(parseCapacityGib('1 TB')).toBe(932);
    expect(parseCapacityGib('-3')).toBeUndefined();
    expect(parseCapacityGib('lots')).toBeUndefined();
    expect(parseThroughputMbps('2GB/s')).toBe(2000);
    expect(parseThroughputMbps('500MB/s')).toBe(500);
    expect(parseThroughputMbps('fast')).toBeUndefined();
  });
});

describe('planFsxCreate', () => {
  it('plans a persistent Lustre file system linked to S3 with both policies, and prices it', async () => {
    const plan = await planFsxCreate(
      options({
        deployment: 'persistent2',
        capacity: '2400',
        throughput: '250',
        s3: 's3://lab-data/runs',
        import: true,
        export: true,
      }),
      findUser,
    );
    expect(plan.request).toEqual({
      name: 'scratch',
      type: 'lustre',
      deployment: 'persistent2',
      capacity_gib: 2400,
      throughput: 250,
    });
    expect(plan.data_repository).toEqual({
      s3_path: 's3://lab-data/runs/',
      auto_import: true,
      auto_export: true,
    });
    expect(plan.monthly.total_usd).toBeCloseTo(2400 * 0.21, 6);
  });

  it('plans OpenZFS with compression and per-user quotas from the research users UIDs', async () => {
    const plan = await planFsxCreate(
      options({
        name: 'lab-data',
        type: 'openzfs',
        capacity: '512',
        throughput: '128',
        compression: 'lz4',
        quotas: ['alice=100', 'bob=50'],
      }),
      findUser,
    );
    expect(plan.request.quotas).toEqual([
      { uid: 2001, gib: 100, user: 'alice' },
      { uid: 2002, gib: 50, user: 'bob' },
    ]);
    expect(plan.request.compression).toBe('lz4');
    expect(plan.monthly.capacity_usd).toBeCloseTo(512 * 0.09, 6);
    expect(plan.monthly.throughput_usd).toBeCloseTo(128 * 0.26, 6);
    expect(plan.monthly.backups_usd).toBeCloseTo(512 * 0.05, 6);
  });

  it.each([
    [{ capacity: '3000' }, /nearest 2400 GiB or 4800 GiB/],
    [{ capacity: 'big' }, /--capacity big is not a size/],
    [{ type: 'efs' }, /--type efs is not a file system type: lustre or openzfs/],
    [{ deployment: 'persistent1' }, /not a Lustre deployment: scratch2 or persistent2/],
    [{ s3: 'https://bucket' }, /not an S3 path: s3:\/\/bucket\/prefix/],
    [{ import: true }, /--import and --export need --s3/],
    [{ quotas: ['alice=10'] }, /OpenZFS settings: use --type openzfs/],
    [{ type: 'openzfs', quotas: ['carol=10'] }, /no research user named carol/],
    [{ type: 'openzfs', quotas: ['alice=9999'] }, /a quota is 1 to 128 GiB/],
    [{ type: 'openzfs', quotas: ['alice'] }, /is not user=GiB/],
    [{ type: 'openzfs', compression: 'gzip' }, /zstd, lz4 or none/],
    [{ type: 'openzfs', s3: 's3://b/p' }, /link Lustre to S3/],
    [{ name: '-bad' }, /the name '-bad' is not valid/],
  ])('refuses %o before any call', async (overrides, message) => {
    await expect(planFsxCreate(options(overrides), findUser)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(message),
    });
  });
});
