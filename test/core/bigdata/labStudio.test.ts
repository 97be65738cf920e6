import { describe, expect, it } from 'vitest';
import type { BigDataContext } from '../../../source/core/bigdata/BigDataContext.js';
import { ensureLabStudio, labStudioName } from '../../../source/core/bigdata/labStudio.js';
import type { BigDataPort, EmrStudio, EmrStudioSpec } from '../../../source/core/bigdata/ports.js';
import type { NetworkOverview } from '../../../source/core/network/NetworkOverview.js';
import { policySchema } from '../../../source/core/policy/policySchema.js';

function contextWith(overview: NetworkOverview, existing: EmrStudio[] = []) {
  const calls: string[] = [];
  const created: EmrStudioSpec[] = [];
  const studio = (spec: EmrStudioSpec): EmrStudio => ({
    id: 'es-D2CPR1QLCUOIA0TLT1PMDY7JQ',
    name: spec.name,
    region: spec.region,
    url: 'https://es-d2cpr1qlcuoia0tlt1pmdy7jq.emrstudio-prod.us-east-1.amazonaws.com',
    auth_mode: 'IAM',
    vpc_id: spec.vpc_id,
    subnet_ids: spec.subnet_ids,
  });
  const bigdata = {
    staging: {
      ensureStagingBucket: async () => {
        calls.push('bucket');
        return 'cws-tui-staging-123456789012-us-east-1';
      },
    },
    roles: {
      ensureStudioServiceRole: async () => {
        calls.push('role');
        return 'arn:aws:iam::123456789012:role/cws-tui/cws-tui-emr-studio-service';
      },
    },
    studio: {
      listStudios: async () => existing,
      describeStudio: async (_region: string, id: string) => existing.find((s) => s.id === id)!,
      createStudio: async (spec: EmrStudioSpec) => {
        created.push(spec);
        return studio(spec);
      },
    },
  } as unknown as BigDataPort;
  const context: BigDataContext = {
    bigdata,
    network: {
      describeNetworks: async () => overview,
      ensureSecurityGroup: async () => 'sg-unused',
    },
    policy: policySchema.parse({}),
    profile: 'lab',
    project: 'Genomics Core',
    account_id: async () => '123456789012',
    now: () => new Date(),
  };
  return { context, calls, created };
}

const vpc = {
  id: 'vpc-0a1b2c3d4e5f60718',
  managed: true,
  is_default: false,
  subnets: [
    { id: 'subnet-0b', nat: true },
    { id: 'subnet-0a', nat: true },
    { id: 'subnet-0c', nat: false },
  ],
};

describe('the lab Studio', () => {
  it('is named after the project, made in the private subnets with workspaces under the staging bucket', async () => {
    const { context, created } = contextWith({ vpcs: [vpc] } as unknown as NetworkOverview);
    expect(labStudioName(context)).toBe('cws-tui-Genomics-Core');
    const { created: made } = await ensureLabStudio(context, 'us-east-1');
    expect(made).toBe(true);
    expect(created[0]).toMatchObject({
      name: 'cws-tui-Genomics-Core',
      vpc_id: 'vpc-0a1b2c3d4e5f60718',
      subnet_ids: ['subnet-0a', 'subnet-0b'],
      workspace_location: 's3://cws-tui-staging-123456789012-us-east-1/studio/workspaces/',
      tags: { 'cws:managed': 'true', 'cws:profile': 'lab', 'cws:project': 'Genomics Core' },
    });
  });

  it('is found again rather than made twice', async () => {
    const existing: EmrStudio = {
      id: 'es-EXISTING00000000000000001',
      name: 'cws-tui-Genomics-Core',
      region: 'us-east-1',
      url: 'https://es-existing00000000000000001.emrstudio-prod.us-east-1.amazonaws.com',
      auth_mode: 'IAM',
      vpc_id: vpc.id,
      subnet_ids: ['subnet-0a'],
    };
    const { context, created, calls } = contextWith({ vpcs: [vpc] } as unknown as NetworkOverview, [
      existing,
    ]);
    expect(await ensureLabStudio(context, 'us-east-1')).toEqual({ studio: existing, created: false });
    expect(created).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('without a VPC it is refused before the bucket, the role or the Studio is made', async () => {
    const { context, calls, created } = contextWith({ vpcs: [] } as unknown as NetworkOverview);
    await expect(ensureLabStudio(context, 'us-east-1')).rejects.toMatchObject({
      kind: 'input',
      message: expect.stringContaining('run cws-tui network create --region us-east-1'),
    });
    expect(calls).toEqual([]);
    expect(created).toEqual([]);
  });
});
