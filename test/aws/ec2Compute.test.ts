import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CancelSpotInstanceRequestsCommand,
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeSubnetsCommand,
  EC2Client,
  GetConsoleOutputCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ec2Compute } from '../../source/aws/ec2Compute.js';
import { awsServiceError } from './awsServiceError.js';
import { ec2Instance, runRequest } from './ec2Fixtures.js';
import { rejectionOf } from './rejectionOf.js';

const ec2Mock = mockClient(EC2Client);
const clients = new Map<string, EC2Client>();
function ec2(region: string): EC2Client {
  let client = clients.get(region);
  if (!client) {
    client = new EC2Client({
      region,
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    });
    clients.set(region, client);
  }
  return client;
}

const m7iLarge = {
  InstanceType: 'm7i.large' as const,
  VCpuInfo: { DefaultVCpus: 2 },
  MemoryInfo: { SizeInMiB: 8192 },
  ProcessorInfo: { SupportedArchitectures: ['x86_64' as const] },
  HibernationSupported: true,
};

beforeEach(() => {
  ec2Mock.reset();
  ec2Mock
    .on(DescribeImagesCommand)
    .resolves({ Images: [{ ImageId: 'ami-0c7217cdde317cfec', RootDeviceName: '/dev/xvda' }] });
});

describe('Ec2Compute.runInstance', () => {
  it('sends a tagged, encrypted, IMDSv2-only launch with the client token and user data', async () => {
    ec2Mock
      .on(RunInstancesCommand)
      .resolves({ Instances: [ec2Instance({ State: { Code: 0, Name: 'pending' } })] });
    const compute = new Ec2Compute({ ec2 });
    const request = runRequest();
    const instance = await compute.runInstance(request);

    const [call] = ec2Mock.commandCalls(RunInstancesCommand);
    const input = call!.args[0].input;
    expect(input.ClientToken).toBe('launch-7f3a');
    expect(input.UserData).toBe(request.user_data_base64);
    expect(input.KeyName).toBe('cws-ana');
    expect(input.SecurityGroupIds).toEqual(['sg-0aa']);
    expect(input.MinCount).toBe(1);
    expect(input.MaxCount).toBe(1);
    expect(input.BlockDeviceMappings).toEqual([
      {
        DeviceName: '/dev/xvda',
        Ebs: { VolumeSize: 50, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true },
      },
    ]);
    expect(input.MetadataOptions?.HttpTokens).toBe('required');
    expect(input.HibernationOptions).toBeUndefined();
    expect(input.InstanceMarketOptions).toBeUndefined();
    expect(input.TagSpecifications?.map((spec) => spec.ResourceType)).toEqual(['instance', 'volume']);
    const instanceTags = Object.fromEntries(
      (input.TagSpecifications?.[0]?.Tags ?? []).map((t) => [t.Key, t.Value]),
    );
    expect(instanceTags).toMatchObject({
      Name: 'ana-rstudio',
      'cws:managed': 'true',
      'cws:template': 'r-research',
      'cws:research-user': 'ana',
      'cws:launch-id': 'launch-7f3a',
      'cws:root-volume-gb': '50',
    });

    expect(instance).toMatchObject({
      id: 'i-0a1b2c3d4e5f60718',
      name: 'ana-rstudio',
      state: 'pending',
      region: 'us-east-1',
      availability_zone: 'us-east-1b',
      root_volume_gb: 50,
      root_volume_type: 'gp3',
      spot: false,
      client_token: 'launch-7f3a',
    });
  });

  it('asks for a persistent Spot request that stops on interruption, valid for five years, and tags it', async () => {
    ec2Mock.on(RunInstancesCommand).resolves({ Instances: [ec2Instance({ InstanceLifecycle: 'spot' })] });
    const now = Date.parse('2026-03-01T10:00:00Z');
    const instance = await new Ec2Compute({ ec2, now: () => now }).runInstance(runRequest({ spot: true }));
    const input = ec2Mock.commandCalls(RunInstancesCommand)[0]!.args[0].input;
    expect(input.InstanceMarketOptions).toEqual({
      MarketType: 'spot',
      SpotOptions: {
        SpotInstanceType: 'persistent',
        InstanceInterruptionBehavior: 'stop',
        ValidUntil: new Date('2031-02-28T10:00:00Z'),
      },
    });
    expect(input.TagSpecifications?.map((spec) => spec.ResourceType)).toContain('spot-instances-request');
    expect(instance.spot).toBe(true);
  });

  it('configures hibernation when the type supports it and the root volume holds the RAM', async () => {
    ec2Mock.on(DescribeInstanceTypesCommand).resolves({ InstanceTypes: [m7iLarge] });
    ec2Mock
      .on(RunInstancesCommand)
      .resolves({ Instances: [ec2Instance({ HibernationOptions: { Configured: true } })] });
    const instance = await new Ec2Compute({ ec2 }).runInstance(
      runRequest({ hibernation: true, root_volume_gb: 16 }),
    );
    const input = ec2Mock.commandCalls(RunInstancesCommand)[0]!.args[0].input;
    expect(input.HibernationOptions).toEqual({ Configured: true });
    expect(input.BlockDeviceMappings?.[0]?.Ebs?.Encrypted).toBe(true);
    expect(instance.hibernation_configured).toBe(true);
  });

  it('asks a hibernating Spot workstation to hibernate on interruption, as EC2 requires', async () => {
    ec2Mock.on(DescribeInstanceTypesCommand).resolves({ InstanceTypes: [m7iLarge] });
    ec2Mock.on(RunInstancesCommand).resolves({ Instances: [ec2Instance({ InstanceLifecycle: 'spot' })] });
    await new Ec2Compute({ ec2 }).runInstance(
      runRequest({ spot: true, hibernation: true, root_volume_gb: 16 }),
    );
    const input = ec2Mock.commandCalls(RunInstancesCommand)[0]!.args[0].input;
    expect(input.HibernationOptions).toEqual({ Configured: true });
    expect(input.InstanceMarketOptions?.SpotOptions?.InstanceInterruptionBehavior).toBe('hibernate');
    expect(input.InstanceMarketOptions?.SpotOptions?.SpotInstanceType).toBe('persistent');
  });

  it('refuses hibernation for a family that cannot hibernate, before RunInstances', async () => {
    ec2Mock.on(DescribeInstanceTypesCommand).resolves({
      InstanceTypes: [{ ...m7iLarge, InstanceType: 'g5.12xlarge', HibernationSupported: false }],
    });
    const error = await rejectionOf(
      new Ec2Compute({ ec2 }).runInstance(runRequest({ instance_type: 'g5.12xlarge', hibernation: true })),
    );
    expect(error.kind).toBe('invalid-parameter');
    expect(error.code).toBe('HibernationNotSupported');
    expect(error.message).toBe('g5.12xlarge cannot hibernate.');
    expect(ec2Mock.commandCalls(RunInstancesCommand)).toHaveLength(0);
  });

  it('refuses hibernation when the root volume cannot hold RAM plus the OS', async () => {
    ec2Mock
      .on(DescribeInstanceTypesCommand)
      .resolves({ InstanceTypes: [{ ...m7iLarge, MemoryInfo: { SizeInMiB: 65536 } }] });
    const error = await rejectionOf(
      new Ec2Compute({ ec2 }).runInstance(runRequest({ hibernation: true, root_volume_gb: 40 })),
    );
    expect(error.code).toBe('HibernationRootVolumeTooSmall');
    expect(error.message).toContain('at least 72 GB');
    expect(error.hint).toBe('Raise the root volume to 72 GB or launch without hibernation.');
    expect(ec2Mock.commandCalls(RunInstancesCommand)).toHaveLength(0);
  });

  it('says so when the image does not exist', async () => {
    ec2Mock.on(DescribeImagesCommand).resolves({ Images: [] });
    const error = await rejectionOf(new Ec2Compute({ ec2 }).runInstance(runRequest()));
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('ami-0c7217cdde317cfec');
  });
});

describe('Ec2Compute capacity fallback', () => {
  const subnets = {
    Subnets: [
      { SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', DefaultForAz: true },
      { SubnetId: 'subnet-b', AvailabilityZone: 'us-east-1b', DefaultForAz: true },
      { SubnetId: 'subnet-c', AvailabilityZone: 'us-east-1c', DefaultForAz: true },
    ],
  };
  const noCapacity = (zone: string, others: string) =>
    awsServiceError(
      'InsufficientInstanceCapacity',
      `We currently do not have sufficient m7i.large capacity in the Availability Zone you requested (${zone}). Our system will be working on provisioning additional capacity. You can currently get m7i.large capacity by not specifying an Availability Zone in your request or choosing ${others}.`,
      500,
    );

  it('retries in the zone EC2 suggests first, with a zone-specific client token', async () => {
    ec2Mock.on(DescribeSubnetsCommand).resolves(subnets);
    ec2Mock
      .on(RunInstancesCommand)
      .rejectsOnce(noCapacity('us-east-1a', 'us-east-1c'))
      .resolves({ Instances: [ec2Instance({ Placement: { AvailabilityZone: 'us-east-1c' } })] });
    const instance = await new Ec2Compute({ ec2 }).runInstance(runRequest());
    const calls = ec2Mock.commandCalls(RunInstancesCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args[0].input.SubnetId).toBe('subnet-c');
    expect(calls[1]!.args[0].input.ClientToken).toBe('launch-7f3a-us-east-1c');
    expect(ec2Mock.commandCalls(DescribeSubnetsCommand)[0]!.args[0].input.Filters).toEqual([
      { Name: 'default-for-az', Values: ['true'] },
    ]);
    expect(instance.availability_zone).toBe('us-east-1c');
    expect(instance.client_token).toBe('launch-7f3a');
  });

  it('fails with every zone tried and a suggestion once no zone has capacity', async () => {
    ec2Mock.on(DescribeSubnetsCommand).resolves(subnets);
    ec2Mock.on(RunInstancesCommand).rejects(noCapacity('us-east-1a', 'us-east-1b'));
    const error = await rejectionOf(new Ec2Compute({ ec2 }).runInstance(runRequest({ spot: true })));
    expect(error.kind).toBe('capacity');
    expect(error.message).toBe(
      'AWS has no m7i.large capacity in us-east-1 right now (tried us-east-1a, us-east-1b, us-east-1c).',
    );
    expect(error.hint).toContain('another instance type or size, or On-Demand instead of Spot');
    expect(ec2Mock.commandCalls(RunInstancesCommand)).toHaveLength(3);
  });

  it('moves on when the type is not offered in the zone EC2 picked', async () => {
    ec2Mock.on(DescribeSubnetsCommand).resolves(subnets);
    ec2Mock
      .on(RunInstancesCommand)
      .rejectsOnce(
        awsServiceError(
          'Unsupported',
          'Your requested instance type (m7i.large) is not supported in your requested Availability Zone (us-east-1a). Please retry your request by not specifying an Availability Zone or choosing us-east-1b, us-east-1c.',
        ),
      )
      .resolves({ Instances: [ec2Instance()] });
    await new Ec2Compute({ ec2 }).runInstance(runRequest());
    expect(ec2Mock.commandCalls(RunInstancesCommand)[1]!.args[0].input.SubnetId).toBe('subnet-b');
  });

  it('names neighbouring types the region offers with the same architecture', async () => {
    ec2Mock.on(DescribeSubnetsCommand).resolves(subnets);
    ec2Mock.on(RunInstancesCommand).rejects(noCapacity('us-east-1a', 'us-east-1b'));
    ec2Mock
      .on(DescribeInstanceTypesCommand)
      .rejects(
        awsServiceError(
          'InvalidInstanceType',
          'The following supplied instance types do not exist: [m8i.large]',
        ),
      )
      .on(DescribeInstanceTypesCommand, { InstanceTypes: ['m7i.large', 'm6i.large', 'm7a.large'] })
      .resolves({
        InstanceTypes: [
          m7iLarge,
          { ...m7iLarge, InstanceType: 'm6i.large' },
          { ...m7iLarge, InstanceType: 'm7a.large' },
        ],
      });
    const error = await rejectionOf(new Ec2Compute({ ec2 }).runInstance(runRequest()));
    expect(error.hint).toBe('Try m6i.large or m7a.large, another region, or retry later.');
  });

  it('keeps to a configured subnet', async () => {
    ec2Mock.on(RunInstancesCommand).rejects(noCapacity('us-east-1a', 'us-east-1b'));
    const error = await rejectionOf(
      new Ec2Compute({ ec2 }).runInstance(runRequest({ subnet_id: 'subnet-private' })),
    );
    expect(error.kind).toBe('capacity');
    expect(ec2Mock.commandCalls(RunInstancesCommand)).toHaveLength(1);
    expect(ec2Mock.commandCalls(DescribeSubnetsCommand)).toHaveLength(0);
  });

  it('does not retry other errors in other zones', async () => {
    ec2Mock
      .on(RunInstancesCommand)
      .rejects(awsServiceError('VcpuLimitExceeded', 'You have requested more vCPU capacity'));
    const error = await rejectionOf(new Ec2Compute({ ec2 }).runInstance(runRequest()));
    expect(error.kind).toBe('quota');
    expect(ec2Mock.commandCalls(RunInstancesCommand)).toHaveLength(1);
  });
});

describe('Ec2Compute.listInstances', () => {
  it('pages with one request per page, filters by the app tags, and lists regions in parallel', async () => {
    const page = (ids: string[], next?: string) => ({
      Reservations: [
        { ReservationId: `r-${ids[0]}`, Instances: ids.map((id) => ec2Instance({ InstanceId: id })) },
      ],
      ...(next ? { NextToken: next } : {}),
    });
    ec2Mock.on(DescribeInstancesCommand).callsFake(async (input: { NextToken?: string }) => {
      switch (input.NextToken) {
        case undefined:
          return page(['i-1', 'i-2'], 'token-2');
        case 'token-2':
          return page(['i-3'], 'token-3');
        default:
          return page(['i-4']);
      }
    });
    const result = await new Ec2Compute({ ec2 }).listInstances({
      regions: ['us-east-1', 'eu-west-1'],
      tags: { 'cws:research-user': 'ana' },
    });
    expect(result.requests).toBe(6);
    expect(result.items.map((item) => item.id)).toEqual([
      'i-1',
      'i-2',
      'i-3',
      'i-4',
      'i-1',
      'i-2',
      'i-3',
      'i-4',
    ]);
    expect(result.items.map((item) => item.region)).toContain('eu-west-1');
    const first = ec2Mock.commandCalls(DescribeInstancesCommand)[0]!.args[0].input;
    expect(first.MaxResults).toBe(1000);
    expect(first.Filters).toEqual([
      { Name: 'tag:cws:managed', Values: ['true'] },
      { Name: 'tag:cws:research-user', Values: ['ana'] },
    ]);
  });

  it('asks for given ids with a filter, so that pages stay 1000 instances', async () => {
    ec2Mock.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [ec2Instance()] }] });
    await new Ec2Compute({ ec2 }).listInstances({ regions: ['us-east-1'], ids: ['i-0a1b2c3d4e5f60718'] });
    const input = ec2Mock.commandCalls(DescribeInstancesCommand)[0]!.args[0].input;
    expect(input.InstanceIds).toBeUndefined();
    expect(input.Filters).toContainEqual({ Name: 'instance-id', Values: ['i-0a1b2c3d4e5f60718'] });
  });

  it('maps a hibernated instance and its stop time from EC2', async () => {
    ec2Mock.on(DescribeInstancesCommand).resolves({
      Reservations: [
        {
          Instances: [
            ec2Instance({
              State: { Code: 80, Name: 'stopped' },
              StateReason: {
                Code: 'Client.UserInitiatedHibernate',
                Message: 'Client.UserInitiatedHibernate: User initiated hibernate',
              },
              StateTransitionReason: 'User initiated (2026-11-25 18:02:11 GMT)',
              HibernationOptions: { Configured: true },
              Architecture: 'arm64',
            }),
          ],
        },
      ],
    });
    const { items } = await new Ec2Compute({ ec2 }).listInstances({ regions: ['us-east-1'] });
    expect(items[0]).toMatchObject({
      state: 'stopped',
      hibernated: true,
      hibernation_configured: true,
      architecture: 'arm64',
      root_volume_gb: 50,
      transitions: [{ at: '2026-11-25T18:02:11.000Z', state: 'hibernated' }],
    });
  });

  it('turns a network failure into a network CloudError', async () => {
    ec2Mock
      .on(DescribeInstancesCommand)
      .rejects(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    const error = await rejectionOf(new Ec2Compute({ ec2 }).listInstances({ regions: ['us-east-1'] }));
    expect(error.kind).toBe('network');
  });
});

describe('Ec2Compute.findByClientToken', () => {
  it('finds the instance a timed-out launch started, by client token', async () => {
    ec2Mock.on(DescribeInstancesCommand).resolves({ Reservations: [{ Instances: [ec2Instance()] }] });
    const found = await new Ec2Compute({ ec2 }).findByClientToken('us-east-1', 'launch-7f3a');
    expect(found?.id).toBe('i-0a1b2c3d4e5f60718');
    expect(ec2Mock.commandCalls(DescribeInstancesCommand)[0]!.args[0].input.Filters).toEqual([
      { Name: 'client-token', Values: ['launch-7f3a'] },
    ]);
  });

  it('finds a launch moved to another zone by its launch id tag, and nothing when there is none', async () => {
    ec2Mock
      .on(DescribeInstancesCommand)
      .resolves({ Reservations: [] })
      .on(DescribeInstancesCommand, { Filters: [{ Name: 'tag:cws:launch-id', Values: ['launch-7f3a'] }] })
      .resolves({
        Reservations: [
          {
            Instances: [
              ec2Instance({
                ClientToken: 'launch-7f3a-us-east-1c',
                Tags: [
                  { Key: 'cws:managed', Value: 'true' },
                  { Key: 'cws:launch-id', Value: 'launch-7f3a' },
                ],
              }),
            ],
          },
        ],
      });
    const compute = new Ec2Compute({ ec2 });
    const moved = await compute.findByClientToken('us-east-1', 'launch-7f3a');
    expect(moved?.id).toBe('i-0a1b2c3d4e5f60718');
    // The zone suffix stays inside the adapter: the core sees the launch's own token.
    expect(moved?.client_token).toBe('launch-7f3a');
    expect(await compute.findByClientToken('us-east-1', 'launch-other')).toBeUndefined();
    expect(ec2Mock.commandCalls(DescribeInstancesCommand)).toHaveLength(4);
  });
});

describe('Ec2Compute lifecycle', () => {
  it('stops with hibernate and tags the instance hibernated; start clears the tag', async () => {
    ec2Mock
      .on(StopInstancesCommand)
      .resolves({})
      .on(StartInstancesCommand)
      .resolves({})
      .on(CreateTagsCommand)
      .resolves({});
    const compute = new Ec2Compute({ ec2 });
    await compute.stopInstance('us-east-1', 'i-1', { hibernate: true });
    expect(ec2Mock.commandCalls(StopInstancesCommand)[0]!.args[0].input).toEqual({
      InstanceIds: ['i-1'],
      Hibernate: true,
    });
    await compute.startInstance('us-east-1', 'i-1');
    expect(ec2Mock.commandCalls(CreateTagsCommand).map((call) => call.args[0].input.Tags)).toEqual([
      [{ Key: 'cws:hibernated', Value: 'true' }],
      [{ Key: 'cws:hibernated', Value: 'false' }],
    ]);
  });

  it('cancels the persistent Spot request before terminating, so no replacement launches', async () => {
    ec2Mock
      .on(DescribeInstancesCommand)
      .resolves({
        Reservations: [
          { Instances: [ec2Instance({ InstanceLifecycle: 'spot', SpotInstanceRequestId: 'sir-8k2' })] },
        ],
      })
      .on(CancelSpotInstanceRequestsCommand)
      .resolves({})
      .on(TerminateInstancesCommand)
      .resolves({});
    await new Ec2Compute({ ec2 }).terminateInstance('us-east-1', 'i-0a1b2c3d4e5f60718');
    expect(
      ec2Mock.commandCalls(CancelSpotInstanceRequestsCommand)[0]!.args[0].input.SpotInstanceRequestIds,
    ).toEqual(['sir-8k2']);
    expect(ec2Mock.commandCalls(TerminateInstancesCommand)).toHaveLength(1);
  });

  it('reports a wrong state as a conflict', async () => {
    ec2Mock
      .on(StartInstancesCommand)
      .rejects(
        awsServiceError(
          'IncorrectInstanceState',
          "The instance 'i-1' is not in a state from which it can be started.",
        ),
      );
    const error = await rejectionOf(new Ec2Compute({ ec2 }).startInstance('us-east-1', 'i-1'));
    expect(error.kind).toBe('conflict');
    expect(ec2Mock.commandCalls(CreateTagsCommand)).toHaveLength(0);
  });

  it('decodes the console output and falls back from Latest on Xen instances', async () => {
    ec2Mock
      .on(GetConsoleOutputCommand, { InstanceId: 'i-1', Latest: true })
      .rejects(
        awsServiceError(
          'UnsupportedOperation',
          'This instance type does not support the latest console output.',
        ),
      )
      .on(GetConsoleOutputCommand, { InstanceId: 'i-1' })
      .resolves({ Output: Buffer.from('cloud-init: cws:progress 3/5 packages\n').toString('base64') });
    expect(await new Ec2Compute({ ec2 }).consoleOutput('us-east-1', 'i-1')).toBe(
      'cloud-init: cws:progress 3/5 packages\n',
    );
  });
});

describe('Ec2Compute.describeInstanceTypes', () => {
  let cacheDir: string;
  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'cws-types-'));
  });
  afterEach(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('maps vCPU, memory, GPU and hibernation, and asks only once per type', async () => {
    ec2Mock.on(DescribeInstanceTypesCommand).resolves({
      InstanceTypes: [
        m7iLarge,
        {
          InstanceType: 'g5.xlarge',
          VCpuInfo: { DefaultVCpus: 4 },
          MemoryInfo: { SizeInMiB: 16384 },
          ProcessorInfo: { SupportedArchitectures: ['x86_64'] },
          GpuInfo: {
            Gpus: [{ Name: 'A10G', Manufacturer: 'NVIDIA', Count: 1, MemoryInfo: { SizeInMiB: 24576 } }],
          },
          HibernationSupported: false,
        },
      ],
    });
    const compute = new Ec2Compute({ ec2, cacheDir });
    const types = await compute.describeInstanceTypes('us-east-1', ['m7i.large', 'g5.xlarge']);
    expect(types).toEqual([
      {
        name: 'm7i.large',
        vcpus: 2,
        memory_gib: 8,
        gpus: 0,
        architecture: 'x86_64',
        hibernation_supported: true,
      },
      {
        name: 'g5.xlarge',
        vcpus: 4,
        memory_gib: 16,
        gpus: 1,
        gpu_model: 'NVIDIA A10G',
        architecture: 'x86_64',
        hibernation_supported: false,
      },
    ]);
    await compute.describeInstanceTypes('us-east-1', ['g5.xlarge']);
    expect(ec2Mock.commandCalls(DescribeInstanceTypesCommand)).toHaveLength(1);

    // A later session reads the cache file instead of asking EC2.
    const cached = JSON.parse(await readFile(join(cacheDir, 'ec2-instance-types-us-east-1.json'), 'utf8'));
    expect(cached).toHaveLength(2);
    const nextSession = new Ec2Compute({ ec2, cacheDir });
    expect(await nextSession.describeInstanceTypes('us-east-1', ['m7i.large'])).toHaveLength(1);
    expect(ec2Mock.commandCalls(DescribeInstanceTypesCommand)).toHaveLength(1);
  });
  it('rebuilds an unreadable cache file from EC2', async () => {
    const file = join(cacheDir, 'ec2-instance-types-us-east-1.json');
    await writeFile(file, '{"half-written":');
    ec2Mock.on(DescribeInstanceTypesCommand).resolves({ InstanceTypes: [m7iLarge] });
    const types = await new Ec2Compute({ ec2, cacheDir }).describeInstanceTypes('us-east-1', ['m7i.large']);
    expect(types).toHaveLength(1);
    expect(JSON.parse(await readFile(file, 'utf8'))[0].name).toBe('m7i.large');
  });

  it('leaves out names the region does not offer instead of failing them all', async () => {
    ec2Mock
      .on(DescribeInstanceTypesCommand)
      .rejects(
        awsServiceError(
          'InvalidInstanceType',
          'The following supplied instance types do not exist: [m9x.large]',
        ),
      )
      .on(DescribeInstanceTypesCommand, { InstanceTypes: ['m7i.large'] })
      .resolves({ InstanceTypes: [m7iLarge] });
    const types = await new Ec2Compute({ ec2 }).describeInstanceTypes('us-east-1', [
      'm9x.large',
      'm7i.large',
    ]);
    expect(types.map((type) => type.name)).toEqual(['m7i.large']);
    expect(ec2Mock.commandCalls(DescribeInstanceTypesCommand)).toHaveLength(2);
  });
});

describe('Ec2Compute.checkLaunchPermission', () => {
  it('treats DryRunOperation as permission granted, once per region', async () => {
    ec2Mock
      .on(RunInstancesCommand)
      .rejects(
        awsServiceError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412),
      );
    const compute = new Ec2Compute({ ec2 });
    await compute.checkLaunchPermission(runRequest());
    await compute.checkLaunchPermission(runRequest());
    const calls = ec2Mock.commandCalls(RunInstancesCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input.DryRun).toBe(true);
  });

  it('names the missing permission', async () => {
    ec2Mock
      .on(RunInstancesCommand)
      .rejects(
        awsServiceError(
          'UnauthorizedOperation',
          'You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/ana is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:123456789012:instance/*. Encoded authorization failure message: zz',
          403,
        ),
      );
    const error = await rejectionOf(new Ec2Compute({ ec2 }).checkLaunchPermission(runRequest()));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toBe('Not permitted: ec2:RunInstances in us-east-1.');
  });
});
