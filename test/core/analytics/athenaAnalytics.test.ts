import { describe, expect, it } from 'vitest';
import { athenaQueryCost } from '../../../source/core/analytics/athenaQueryCost.js';
import { athenaWorkgroupSettings } from '../../../source/core/analytics/athenaWorkgroupSettings.js';
import { csvLine } from '../../../source/core/analytics/queryRowsOutput.js';
import { describeSqlError, sqlErrorPosition } from '../../../source/core/analytics/sqlErrorPosition.js';
import { streamQueryResults } from '../../../source/core/analytics/streamQueryResults.js';
import { evaluatePolicy } from '../../../source/core/policy/evaluatePolicy.js';
import { parsePolicy } from '../../../source/core/policy/parsePolicy.js';

const MB = 1024 ** 2;
const TB = 1024 ** 4;

describe('Athena pricing', () => {
  it('charges $5 per TB, rounding up to the megabyte with a 10 MB minimum, nothing for no scan', () => {
    expect(athenaQueryCost(0)).toBe(0);
    expect(athenaQueryCost(1)).toBeCloseTo((10 * MB * 5) / TB, 12);
    expect(athenaQueryCost(10 * MB + 1)).toBeCloseTo((11 * MB * 5) / TB, 12);
    expect(athenaQueryCost(TB)).toBe(5);
    expect(athenaQueryCost(Number.NaN)).toBe(0);
  });
});

describe('SQL errors', () => {
  it('finds the line and column in Trino and Hive messages', () => {
    expect(sqlErrorPosition("line 3:12: mismatched input 'FORM'")).toEqual({ line: 3, column: 12 });
    expect(sqlErrorPosition('FAILED: SemanticException Line 1:14 Table not found')).toEqual({
      line: 1,
      column: 14,
    });
    expect(sqlErrorPosition('Insufficient permissions')).toBeUndefined();
    expect(describeSqlError('SELECT 1', 'line 9:1: x')).toBe('line 9:1: x (line 9, column 1)');
  });
});

describe('workgroup settings from the policy', () => {
  it('puts results under the lab prefix, encrypts, enforces the cutoff and tags the project', () => {
    const policy = parsePolicy(
      JSON.stringify({ analytics: { results_location: 's3://lab/data', max_bytes_per_query: 50_000_000 } }),
    );
    expect(
      athenaWorkgroupSettings(policy, { profile: 'lab', project: 'soil' }, { 'cws:profile': 'lab' }),
    ).toEqual({
      name: 'cws-soil',
      output_location: 's3://lab/data/athena/cws-soil/',
      encryption: 'SSE_S3',
      bytes_scanned_cutoff: 50_000_000,
      tags: { 'cws:profile': 'lab', 'cws:managed': 'true', 'cws:project': 'soil' },
    });
    expect(() => athenaWorkgroupSettings(parsePolicy('{}'), { profile: 'lab' }, {})).toThrow(
      /results_location/,
    );
    expect(() => parsePolicy(JSON.stringify({ analytics: { max_bytes_per_query: 5 } }))).toThrow(
      /10,000,000/,
    );
  });
});

describe('the analytics branch of evaluatePolicy', () => {
  const policy = parsePolicy(
    JSON.stringify({
      regions: { allow: ['us-*'] },
      analytics: { services: ['athena'], max_bytes_per_month: 1000, buckets: { deny: ['secret-*'] } },
    }),
  );
  it('allows what the section allows and denies each rule it breaks, failing closed on unknown spend', () => {
    const base = { kind: 'analytics', service: 'athena', region: 'us-east-1' } as const;
    expect(evaluatePolicy(policy, { ...base, month_bytes_scanned: 10 }, {}).allowed).toBe(true);
    const denied = evaluatePolicy(
      policy,
      { ...base, service: 'databrew', region: 'eu-west-1', buckets: ['secret-x'] },
      {},
    );
    expect(denied.violations.map((v) => v.rule)).toEqual([
      'regions.allow',
      'analytics.services',
      'analytics.buckets.deny',
    ]);
    const unknown = evaluatePolicy(policy, base, {});
    expect(unknown.violations).toMatchObject([{ rule: 'analytics.max_bytes_per_month', unverified: true }]);
    expect(evaluatePolicy(policy, { ...base, month_bytes_scanned: 1000 }, {}).allowed).toBe(false);
  });
});

describe('results paging and CSV', () => {
  it('streams every page and refuses a token that repeats', async () => {
    const pages = [
      { columns: [], rows: [['a']], next_token: '1' },
      { columns: [], rows: [['b']], next_token: '1' },
    ];
    const seen: string[][] = [];
    const stream = streamQueryResults(async (token) => pages[token ? 1 : 0] ?? { columns: [], rows: [] });
    await expect(
      (async () => {
        for await (const page of stream) seen.push(...page.rows);
      })(),
    ).rejects.toThrow(/twice/);
    expect(seen).toEqual([['a'], ['b']]);
    expect(csvLine(['a,b', 'say "hi"', 'plain'])).toBe('"a,b","say ""hi""",plain\n');
  });
});

describe('invitations cannot widen the analytics section', () => {
  it('names every way a child is wider, and accepts the same or a narrower section', async () => {
    const { narrowerThan } = await import('../../../source/core/policy/narrowerThan.js');
    const parent = parsePolicy(
      JSON.stringify({
        analytics: {
          services: ['athena'],
          max_bytes_per_query: 50_000_000,
          databases: { allow: ['lab_*'], deny: ['lab_secret'] },
          results_location: 's3://lab/r/',
        },
      }),
    );
    expect(narrowerThan(parent, parent)).toEqual({ ok: true, widened: [] });
    const narrower = parsePolicy(
      JSON.stringify({
        analytics: {
          services: [],
          max_bytes_per_query: 20_000_000,
          databases: { allow: ['lab_one'], deny: ['lab_*'] },
          results_location: 's3://lab/r/',
        },
      }),
    );
    expect(narrowerThan(narrower, parent).ok).toBe(true);
    expect(narrowerThan(parsePolicy('{}'), parent).widened).toEqual([
      'analytics.services: the parent allows only athena, the child allows all',
      'analytics.max_bytes_per_query: the parent caps it at 50000000, the child has no cap',
      'analytics.databases.allow: the parent allows only lab_*, the child allows all',
      "analytics.databases.deny: the parent denies 'lab_secret', the child does not",
      'analytics.results_location: the parent sets s3://lab/r/, the child does not',
    ]);
  });
});
