import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  COMPUTE_NODE_USERS_SCRIPT,
  withComputeNodeUsers,
} from '../../../source/core/hpc/computeNodeUsers.js';
import {
  type ParallelClusterConfig,
  parallelClusterConfigSchema,
} from '../../../source/core/hpc/parallelClusterConfigSchema.js';
import { renderClusterConfigYaml } from '../../../source/core/hpc/renderClusterConfigYaml.js';

const queue = (name: string) => ({
  Name: name,
  CapacityType: 'ONDEMAND' as const,
  Networking: { SubnetIds: ['subnet-0abc1234'] },
  ComputeResources: [{ Name: 'c6i', Instances: [{ InstanceType: 'c6i.xlarge' }], MinCount: 0, MaxCount: 8 }],
});
const config: ParallelClusterConfig = {
  Region: 'us-east-1',
  Image: { Os: 'alinux2023' },
  HeadNode: {
    InstanceType: 't3.medium',
    Networking: { SubnetId: 'subnet-0abc1234' },
    Iam: { AdditionalIamPolicies: [{ Policy: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' }] },
  },
  Scheduling: {
    Scheduler: 'slurm',
    SlurmSettings: { ScaledownIdletime: 10, QueueUpdateStrategy: 'DRAIN' },
    SlurmQueues: [queue('cpu'), queue('gpu')],
  },
};
const users = [
  { name: 'alice', uid: 5001 },
  { name: 'bob', uid: 5002 },
];
const where = { bucket: 'cws-tui-123456789012-us-east-1', key: 'hpc/compute-node-users.sh' };

describe('research users on compute nodes', () => {
  it('adds an OnNodeConfigured action with the users as name:uid and read access to its script to every queue', () => {
    const withUsers = withComputeNodeUsers(config, users, where);
    for (const q of withUsers.Scheduling.SlurmQueues) {
      expect(q.CustomActions).toEqual({
        OnNodeConfigured: {
          Script: 's3://cws-tui-123456789012-us-east-1/hpc/compute-node-users.sh',
          Args: ['alice:5001', 'bob:5002'],
        },
      });
      expect(q.Iam).toEqual({
        S3Access: [
          {
            BucketName: 'cws-tui-123456789012-us-east-1',
            KeyName: 'hpc/compute-node-users.sh',
            EnableWriteAccess: false,
          },
        ],
      });
    }
    expect(parallelClusterConfigSchema.safeParse(withUsers).success).toBe(true);
    const yaml = renderClusterConfigYaml(withUsers);
    expect(yaml).toContain('OnNodeConfigured:');
    expect(parse(yaml)).toEqual(withUsers);
    expect(withComputeNodeUsers(config, [], where)).toBe(config);
  });

  it('the schema refuses what ParallelCluster would: a local script path, a bad bucket, unknown keys', () => {
    const bad = (patch: object) =>
      parallelClusterConfigSchema.safeParse({
        ...config,
        Scheduling: { ...config.Scheduling, SlurmQueues: [{ ...queue('cpu'), ...patch }] },
      }).success;
    expect(bad({ CustomActions: { OnNodeConfigured: { Script: '/tmp/users.sh' } } })).toBe(false);
    expect(bad({ CustomActions: { OnNodeStarted: { Script: 's3://b/k' } } })).toBe(false);
    expect(bad({ Iam: { S3Access: [{ BucketName: 'Not_A_Bucket' }] } })).toBe(false);
    expect(bad({ Iam: { S3Access: [] } })).toBe(false);
    expect(
      bad({ CustomActions: { OnNodeConfigured: { Script: 'https://example.org/u.sh', Args: ['a:1'] } } }),
    ).toBe(true);
  });

  it('the script refuses a malformed argument before touching any user', () => {
    for (const arg of ['alice;rm -rf /:5001', 'alice:50x1', 'Alice:5001']) {
      const run = spawnSync('bash', ['-s', '--', arg], {
        input: COMPUTE_NODE_USERS_SCRIPT,
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('refusing malformed user argument');
    }
  });

  it('the script accepts a user that already exists with the same UID, and refuses another UID', () => {
    const me = spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout.trim();
    const uid = spawnSync('id', ['-u'], { encoding: 'utf8' }).stdout.trim();
    if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(me)) return;
    const same = spawnSync('bash', ['-s', '--', `${me}:${uid}`], {
      input: COMPUTE_NODE_USERS_SCRIPT,
      encoding: 'utf8',
    });
    expect(same.status).toBe(0);
    const other = spawnSync('bash', ['-s', '--', `${me}:${Number(uid) + 4242}`], {
      input: COMPUTE_NODE_USERS_SCRIPT,
      encoding: 'utf8',
    });
    expect(other.status).toBe(1);
    expect(other.stderr).toContain(`has UID ${uid} here, not ${Number(uid) + 4242}`);
  });
});
