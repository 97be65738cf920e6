import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFioJson } from '../../../source/core/fsx/parseFioJson.js';

const sample = (name: string) =>
  readFileSync(new URL(`../../fixtures/fio/${name}.json`, import.meta.url), 'utf8');

describe('parseFioJson on real fio 3.33 output', () => {
  it('reads a sequential read run: MB/s, IOPS and latency percentiles, nothing written', () => {
    const result = parseFioJson(sample('seq'));
    expect(result).toEqual({
      fio_version: 'fio-3.33',
      read: { mb_per_s: 818.4, iops: 780, latency_ms: { p50: 0.161, p99: 11.731, p99_9: 11.731 } },
      write: { mb_per_s: 0, iops: 0 },
      total_mb_per_s: 818.4,
      total_iops: 780,
    });
  });

  it('reads a mixed random run in both directions', () => {
    const result = parseFioJson(sample('random'));
    if ('problem' in result) throw new Error(result.problem);
    expect(result.read).toMatchObject({ mb_per_s: 17, iops: 4141 });
    expect(result.write).toMatchObject({ mb_per_s: 7.3, iops: 1787 });
    expect(result.write.latency_ms?.p99).toBe(0.012);
    expect(result.total_iops).toBe(5928);
  });

  it('reads a metadata (file create) run as operations a second', () => {
    const result = parseFioJson(sample('metadata'));
    if ('problem' in result) throw new Error(result.problem);
    expect(result.total_iops).toBe(2618);
  });

  it('skips warnings fio prints before its JSON', () => {
    const result = parseFioJson(
      `fio: this platform does not support process shared mutexes\n${sample('seq')}`,
    );
    expect(result).toMatchObject({ total_mb_per_s: 818.4 });
  });

  it('says why when the output is not usable', () => {
    expect(parseFioJson('bash: fio: command not found')).toEqual({ problem: 'fio printed no JSON' });
    expect(parseFioJson(sample('seq').slice(0, 400))).toEqual({
      problem: 'fio output is not valid JSON (was it cut short?)',
    });
    expect(parseFioJson('{"fio version": "fio-3.33", "jobs": []}')).toEqual({
      problem: "fio's JSON lacks the jobs' read and write figures",
    });
    const failed = JSON.parse(sample('seq'));
    failed.jobs[0].error = 5;
    expect(parseFioJson(JSON.stringify(failed))).toEqual({ problem: 'fio job cws-seq failed with error 5' });
  });
});
