import { describe, expect, it } from 'vitest';
import { computeResourceOfNodes, jobCost } from '../../../source/core/hpc/jobCost.js';
import type { ParallelClusterConfig } from '../../../source/core/hpc/parallelClusterConfigSchema.js';
import {
  parseSacct,
  parseSinfo,
  parseSlurmDuration,
  parseSqueue,
  SlurmOutputError,
} from '../../../source/core/hpc/parseSlurmOutput.js';

describe('Slurm output', () => {
  it('reads durations in every form Slurm prints', () => {
    expect(parseSlurmDuration('00:42')).toBe(42);
    expect(parseSlurmDuration('1:02:03')).toBe(3723);
    expect(parseSlurmDuration('2-03:04:05')).toBe(2 * 86400 + 3 * 3600 + 4 * 60 + 5);
    expect(parseSlurmDuration('UNLIMITED')).toBe(0);
    expect(() => parseSlurmDuration('soon')).toThrow(SlurmOutputError);
  });

  it('parses squeue lines, keeping a | inside the job name', () => {
    const jobs = parseSqueue(
      '101_3|alice|RUNNING|cpu|1|2:05|10:00|2026-12-06T04:00:00|cpu-dy-c6i-1|None|array|demo\n' +
        '102|bob|PENDING|gpu|2|0:00|1-00:00:00|2026-12-06T04:01:00||Resources|train\n',
    );
    expect(jobs[0]).toEqual({
      job_id: '101_3',
      user: 'alice',
      state: 'RUNNING',
      partition: 'cpu',
      nodes: 1,
      time_used_seconds: 125,
      time_limit: '10:00',
      submitted_at: '2026-12-06T04:00:00',
      node_list: 'cpu-dy-c6i-1',
      reason: '',
      name: 'array|demo',
    });
    expect(jobs[1]).toMatchObject({ state: 'PENDING', reason: 'Resources', nodes: 2 });
    expect(() => parseSqueue('garbage')).toThrow(/squeue line has 1 fields/);
  });

  it('parses sacct --parsable2 and reads "CANCELLED by 1001" as CANCELLED', () => {
    const [record] = parseSacct(
      '7|alice|mpi|CANCELLED by 1001|0:15|01:30:00|2|2026-12-06T01:00:00|2026-12-06T01:05:00|2026-12-06T02:35:00|mpi-dy-hpc6a-[1-2]|mpi run\n',
    );
    expect(record).toMatchObject({
      job_id: '7',
      state: 'CANCELLED',
      elapsed_seconds: 5400,
      nodes: 2,
      started_at: '2026-12-06T01:05:00',
      node_list: 'mpi-dy-hpc6a-[1-2]',
      name: 'mpi run',
    });
    const [pending] = parseSacct(
      '8|bob|cpu|PENDING|0:0|00:00:00|1|2026-12-06T01:00:00|Unknown|Unknown|None assigned|x\n',
    );
    expect(pending?.started_at).toBeUndefined();
  });

  it('adds sinfo node lines up per queue, telling powered-down nodes from idle ones', () => {
    const partitions = parseSinfo(
      [
        'cpu|cpu-dy-c6i-1|allocated',
        'cpu|cpu-dy-c6i-2|mixed',
        'cpu|cpu-dy-c6i-3|idle',
        'cpu|cpu-dy-c6i-4|idle~',
        'cpu|cpu-dy-c6i-5|idle#',
        'cpu|cpu-dy-c6i-6|down*',
        'gpu|gpu-dy-g5-1|idle~',
      ].join('\n'),
    );
    expect(partitions).toEqual([
      { partition: 'cpu', idle: 1, allocated: 2, down: 1, powered_down: 1, changing: 1 },
      { partition: 'gpu', idle: 0, allocated: 0, down: 0, powered_down: 1, changing: 0 },
    ]);
  });
});

describe('job cost', () => {
  const config = {
    Scheduling: {
      SlurmQueues: [
        {
          Name: 'mpi',
          ComputeResources: [
            { Name: 'hpc6a', Instances: [{ InstanceType: 'hpc6a.48xlarge' }] },
            { Name: 'c5n', Instances: [{ InstanceType: 'c5n.18xlarge' }] },
          ],
        },
      ],
    },
  } as unknown as ParallelClusterConfig;

  it('finds the compute resource from ParallelCluster node names', () => {
    expect(computeResourceOfNodes('mpi', 'mpi-dy-c5n-[1-2]')).toBe('c5n');
    expect(computeResourceOfNodes('mpi', 'mpi-st-hpc6a-3')).toBe('hpc6a');
    expect(computeResourceOfNodes('mpi', 'None assigned')).toBeUndefined();
  });

  it('is elapsed × nodes × the partition instance price', () => {
    const record = {
      job_id: '7',
      user: 'a',
      partition: 'mpi',
      state: 'COMPLETED',
      exit_code: '0:0',
      elapsed_seconds: 1800,
      nodes: 2,
      submitted_at: '',
      node_list: 'mpi-dy-c5n-[1-2]',
      name: 'x',
    };
    const cost = jobCost(record, config, (type) => (type === 'c5n.18xlarge' ? 3.888 : undefined));
    expect(cost.usd).toBeCloseTo(3.888);
    expect(cost.instance_type).toBe('c5n.18xlarge');
    expect(jobCost({ ...record, partition: 'gone' }, config, () => 1).usd).toBeUndefined();
    expect(jobCost({ ...record, node_list: 'mpi-dy-hpc6a-1' }, config, () => undefined).note).toMatch(
      /no price known for hpc6a.48xlarge/,
    );
  });
});
