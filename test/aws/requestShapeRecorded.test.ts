import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateImageCommand,
  CreateInternetGatewayCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeRouteTablesCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand, GetRoleCommand, IAMClient, NoSuchEntityException } from '@aws-sdk/client-iam';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SendCommandCommand, SSMClient } from '@aws-sdk/client-ssm';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudWatchMetrics } from '../../source/aws/cloudwatch/CloudWatchMetrics.js';
import { DynamoTeamStore } from '../../source/aws/dynamodb/DynamoTeamStore.js';
import { EbsBlockStorage } from '../../source/aws/ebs/EbsBlockStorage.js';
import { Ec2InstanceChanges } from '../../source/aws/ec2InstanceChanges.js';
import { createEc2Network } from '../../source/aws/network/createEc2Network.js';
import { EventBridgeSchedules } from '../../source/aws/scheduler/EventBridgeSchedules.js';
import { SsmRemoteCommands } from '../../source/aws/ssm/SsmRemoteCommands.js';
import { type CapturedRequest, capturingHandler, missingFields, serialize } from './serializedRequest.js';

const region = 'us-east-1';
const config = {
  region,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  maxAttempts: 1,
};
const INSTANCE = 'i-0a1b2c3d4e5f60718';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/cws-tui-scheduler';

type Kind = 'ec2' | 'iam' | 'scheduler' | 'cloudwatch' | 'ssm' | 'documents';
const protocols: Record<Kind, CapturedRequest['protocol']> = {
  ec2: 'ec2-query',
  iam: 'query',
  scheduler: 'rest-json',
  cloudwatch: 'json',
  ssm: 'json',
  documents: 'json',
};
const realClients = {
  ec2: new EC2Client({ ...config, requestHandler: capturingHandler }),
  iam: new IAMClient({ ...config, requestHandler: capturingHandler }),
  scheduler: new SchedulerClient({ ...config, requestHandler: capturingHandler }),
  cloudwatch: new CloudWatchClient({ ...config, requestHandler: capturingHandler }),
  ssm: new SSMClient({ ...config, requestHandler: capturingHandler }),
  documents: DynamoDBDocumentClient.from(
    new DynamoDBClient({ ...config, requestHandler: capturingHandler }),
    {
      marshallOptions: { removeUndefinedValues: true },
    },
  ),
};

interface Recorded {
  kind: Kind;
  command: { input: unknown; constructor: { name: string } };
}

// biome-ignore lint/suspicious/noExplicitAny: the stubs of five different clients share one recorder.
type AnyStub = AwsClientStub<any>;

/** What the EBS, instance-change, network-creation, scheduler, CloudWatch, SSM and team-store adapters send in one run of each operation. */
async function recordAdapterCommands(): Promise<Recorded[]> {
  const mocks: Record<Kind, AnyStub> = {
    ec2: mockClient(EC2Client),
    iam: mockClient(IAMClient),
    scheduler: mockClient(SchedulerClient),
    cloudwatch: mockClient(CloudWatchClient),
    ssm: mockClient(SSMClient),
    documents: mockClient(DynamoDBDocumentClient),
  };
  try {
    for (const mock of Object.values(mocks)) mock.onAnyCommand().resolves({});
    mocks.ec2
      .on(CreateImageCommand)
      .resolves({ ImageId: 'ami-0new' })
      .on(DescribeVpcsCommand)
      .resolvesOnce({})
      .resolves({ Vpcs: [{ VpcId: 'vpc-0half' }] })
      .on(CreateVpcCommand)
      .resolves({ Vpc: { VpcId: 'vpc-0new' } })
      .on(DescribeAvailabilityZonesCommand)
      .resolves({ AvailabilityZones: [{ ZoneName: 'us-east-1a' }, { ZoneName: 'us-east-1b' }] })
      .on(CreateSubnetCommand)
      .resolves({ Subnet: { SubnetId: 'subnet-0new', MapPublicIpOnLaunch: false } })
      .on(DescribeRouteTablesCommand)
      .resolves({ RouteTables: [{ RouteTableId: 'rtb-0main', Routes: [] }] })
      .on(CreateInternetGatewayCommand)
      .resolves({ InternetGateway: { InternetGatewayId: 'igw-0new' } });
    mocks.iam
      .on(GetRoleCommand)
      .rejectsOnce(new NoSuchEntityException({ message: 'no role', $metadata: {} }))
      .resolves({ Role: { Arn: ROLE_ARN } as never })
      .on(CreateRoleCommand)
      .resolves({ Role: { Arn: ROLE_ARN } as never });
    mocks.documents.on(QueryCommand).resolves({ Items: [] });
    mocks.ssm.on(SendCommandCommand).resolves({ Command: { CommandId: '4b1c-8f2e' } });
    const ec2 = new EC2Client(config);

    const ebs = new EbsBlockStorage({ ec2: () => ec2 });
    await ebs.listVolumes([region], { instance_ids: [INSTANCE] });
    await ebs.createVolume({
      region,
      availability_zone: 'us-east-1a',
      size_gb: 100,
      type: 'gp3',
      iops: 4000,
      throughput_mbps: 250,
      snapshot_id: 'snap-0a1b',
      client_token: 'cws-8d2f',
      tags: { 'cws:managed': 'true', Name: 'scratch' },
    });
    await ebs.attachVolume(region, 'vol-0a1b', INSTANCE, '/dev/sdf');
    await ebs.detachVolume(region, 'vol-0a1b', INSTANCE);
    await ebs.deleteVolume(region, 'vol-0a1b');
    await ebs.listSnapshots([region]);
    await ebs.createSnapshot(region, 'vol-0a1b', 'before upgrade', { 'cws:managed': 'true' });
    await ebs.deleteSnapshot(region, 'snap-0a1b');
    await ebs.replaceRootVolume(region, INSTANCE, 'snap-0a1b');
    await ebs.createImage(region, INSTANCE, {
      name: 'genomics-2026-12-06',
      description: 'cws-tui image',
      reboot: false,
      tags: { 'cws:managed': 'true' },
    });
    await ebs.describeImage(region, 'ami-0new');

    await createEc2Network(ec2, region, (action) => ({ action, region }));
    // A second run finds the VPC an earlier one made and checks what it may have missed.
    await createEc2Network(ec2, region, (action) => ({ action, region }));

    const changes = new Ec2InstanceChanges({ ec2: () => ec2 });
    await changes.modifyInstanceType(region, INSTANCE, 'm7i.xlarge');
    await changes.tagInstances(region, [INSTANCE], { 'cws:project': 'genomics' });
    await changes.untagInstances(region, [INSTANCE], ['cws:project']);

    const scheduler = new SchedulerClient(config);
    const iam = new IAMClient(config);
    const schedules = new EventBridgeSchedules({ scheduler: () => scheduler, iam: () => iam });
    await schedules.putSchedule({
      name: `stop-${INSTANCE}-weekday`,
      region,
      instance_id: INSTANCE,
      action: 'stop',
      expression: 'cron(0 19 ? * MON-FRI *)',
      time_zone: 'Europe/Berlin',
      enabled: true,
    });
    await schedules.listSchedules(region);
    await schedules.deleteSchedule(region, `stop-${INSTANCE}-weekday`);

    const cloudwatch = new CloudWatchClient(config);
    await new CloudWatchMetrics({ cloudwatch: () => cloudwatch }).usage(region, INSTANCE, {
      from: new Date('2026-12-05T00:00:00Z'),
      to: new Date('2026-12-06T00:00:00Z'),
    });

    const ssm = new SSMClient(config);
    const remote = new SsmRemoteCommands({ ssm: () => ssm });
    await remote.managedNodes(region, [INSTANCE]);
    await remote.send({
      region,
      instance_ids: [INSTANCE],
      script: 'df -h',
      timeout_seconds: 600,
      comment: 'cws-tui: disk usage',
    });
    await remote.invocation(region, '4b1c-8f2e', INSTANCE);

    const team = new DynamoTeamStore(new DynamoDBClient(config), {
      kind: 'dynamodb',
      table: 'cws-team',
      region,
    });
    const key = { pk: 'team#genomics', sk: 'member#ana' };
    await team.get(key);
    await team.query('team#genomics', 'member#');
    await team.put(
      { ...key, role: 'member', uid: 5001, quota: { usd: 500 }, groups: ['lab'] },
      { exists: false },
    );
    await team.update(
      key,
      {
        set: { role: 'admin' },
        add: { leases: 1 },
        add_to_set: { workstations: [INSTANCE] },
        remove: ['invite'],
      },
      { all: [{ exists: true }, { size_below: ['workstations', 3] }] },
    );
    await team.delete(key, { equals: ['role', 'admin'] });

    return (Object.entries(mocks) as Array<[Kind, AnyStub]>).flatMap(([kind, mock]) =>
      mock.calls().map((call) => ({ kind, command: call.args[0] as Recorded['command'] })),
    );
  } finally {
    for (const mock of Object.values(mocks)) mock.restore();
  }
}

describe('the requests the EBS, instance-change, network-creation, scheduler, CloudWatch, SSM and team-store adapters really send', () => {
  let recorded: Recorded[] = [];
  beforeAll(async () => {
    recorded = await recordAdapterCommands();
  });
  afterAll(() => {
    for (const client of Object.values(realClients)) client.destroy();
  });

  it('records each operation of those adapters', () => {
    const names = new Set(recorded.map((entry) => entry.command.constructor.name));
    for (const name of [
      'CreateVolumeCommand',
      'DescribeSnapshotsCommand',
      'CreateImageCommand',
      'ModifyInstanceAttributeCommand',
      'DeleteTagsCommand',
      'CreateVpcCommand',
      'DescribeVpcAttributeCommand',
      'ModifySubnetAttributeCommand',
      'AttachInternetGatewayCommand',
      'CreateRouteCommand',
      'CreateRoleCommand',
      'PutRolePolicyCommand',
      'CreateScheduleGroupCommand',
      'CreateScheduleCommand',
      'ListSchedulesCommand',
      'DeleteScheduleCommand',
      'GetMetricDataCommand',
      'DescribeInstanceInformationCommand',
      'SendCommandCommand',
      'GetCommandInvocationCommand',
      'PutCommand',
      'UpdateCommand',
      'DeleteCommand',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('serializes every field of every recorded input', async () => {
    const gaps: string[] = [];
    for (const { kind, command } of recorded) {
      const Command = command.constructor as new (input: unknown) => unknown;
      const request = await serialize(realClients[kind], new Command(command.input));
      for (const field of missingFields(command.input, { protocol: protocols[kind], request })) {
        gaps.push(`${command.constructor.name}: ${field}`);
      }
    }
    expect(gaps).toEqual([]);
  });
});
