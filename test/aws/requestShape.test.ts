import { CostExplorerClient, GetCostAndUsageCommand } from '@aws-sdk/client-cost-explorer';
import {
  CancelSpotInstanceRequestsCommand,
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetConsoleOutputCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateAccessPointCommand,
  CreateFileSystemCommand,
  CreateMountTargetCommand,
  DeleteAccessPointCommand,
  DeleteFileSystemCommand,
  DeleteMountTargetCommand,
  DescribeAccessPointsCommand,
  DescribeFileSystemsCommand,
  DescribeMountTargetsCommand,
  EFSClient,
  TagResourceCommand,
} from '@aws-sdk/client-efs';
import {
  CreateAppCommand,
  CreateDomainCommand,
  CreatePresignedDomainUrlCommand,
  CreateSpaceCommand,
  CreateUserProfileCommand,
  DeleteAppCommand,
  DeleteDomainCommand,
  DeleteSpaceCommand,
  DeleteUserProfileCommand,
  DescribeAppCommand,
  DescribeDomainCommand,
  DescribeSpaceCommand,
  DescribeUserProfileCommand,
  ListAppsCommand,
  ListDomainsCommand,
  ListSpacesCommand,
  ListTagsCommand,
  ListUserProfilesCommand,
  ResourceNotFound,
  SageMakerClient,
  CreateSpaceCommand as SpaceCommand,
  UpdateDomainCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostExplorerBilledSpendSource } from '../../source/aws/costExplorer/CostExplorerBilledSpendSource.js';
import { Ec2Compute } from '../../source/aws/ec2Compute.js';
import { Ec2Network } from '../../source/aws/ec2Network.js';
import { EfsStorage } from '../../source/aws/efsStorage.js';
import { SageMakerStudio } from '../../source/aws/sagemaker/SageMakerStudio.js';
import { cleanupStudio } from '../../source/core/services/cleanupStudio.js';
import { ec2Instance, runRequest } from './ec2Fixtures.js';
import { type CapturedRequest, capturingHandler, missingFields, serialize } from './serializedRequest.js';

const region = 'us-east-1';
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const config = { region, credentials, maxAttempts: 1 };
const DOMAIN = 'd-abcdefghijkl';
const DOMAIN_ARN = `arn:aws:sagemaker:${region}:123456789012:domain/${DOMAIN}`;
const notFound = () => new ResourceNotFound({ message: 'not found', $metadata: { httpStatusCode: 400 } });

interface SentCommand {
  protocol: CapturedRequest['protocol'];
  client: 'ec2' | 'efs' | 'sagemaker' | 'ce';
  command: { input: unknown; constructor: { name: string } };
}

/** What the adapters send in a representative run of each of their operations, recorded by the mocks. */
async function recordAdapterCommands(): Promise<SentCommand[]> {
  const ec2Mock = mockClient(EC2Client);
  const efsMock = mockClient(EFSClient);
  const sageMakerMock = mockClient(SageMakerClient);
  const ceMock = mockClient(CostExplorerClient);
  const ec2 = new EC2Client(config);
  const efs = new EFSClient(config);
  const sagemaker = new SageMakerClient(config);
  try {
    ec2Mock
      .on(DescribeImagesCommand)
      .resolves({ Images: [{ ImageId: 'ami-0c7217cdde317cfec', RootDeviceName: '/dev/xvda' }] })
      .on(DescribeInstanceTypesCommand)
      .resolves({
        InstanceTypes: [
          {
            InstanceType: 'm7i.large',
            VCpuInfo: { DefaultVCpus: 2 },
            MemoryInfo: { SizeInMiB: 8192 },
            ProcessorInfo: { SupportedArchitectures: ['x86_64'] },
            HibernationSupported: true,
          },
        ],
      })
      .on(RunInstancesCommand)
      .resolves({ Instances: [ec2Instance({ InstanceLifecycle: 'spot' })] })
      .on(DescribeInstancesCommand)
      .resolves({ Reservations: [{ Instances: [ec2Instance({ SpotInstanceRequestId: 'sir-8k2' })] }] })
      .on(GetConsoleOutputCommand)
      .resolves({ Output: Buffer.from('boot').toString('base64') })
      .on(DescribeVpcsCommand)
      .resolves({ Vpcs: [{ VpcId: 'vpc-0def', IsDefault: true }] })
      .on(DescribeSubnetsCommand)
      .resolves({
        Subnets: [
          {
            SubnetId: 'subnet-a',
            AvailabilityZone: 'us-east-1a',
            AvailabilityZoneId: 'use1-az1',
            VpcId: 'vpc-0def',
          },
        ],
      })
      .on(DescribeSecurityGroupsCommand)
      .resolves({ SecurityGroups: [{ GroupId: 'sg-0ws', VpcId: 'vpc-0def', IpPermissions: [] }] });
    ec2Mock.on(StartInstancesCommand).resolves({});
    ec2Mock.on(StopInstancesCommand).resolves({});
    ec2Mock.on(CreateTagsCommand).resolves({});
    ec2Mock.on(CancelSpotInstanceRequestsCommand).resolves({});
    ec2Mock.on(TerminateInstancesCommand).resolves({});

    const compute = new Ec2Compute({ ec2: () => ec2 });
    await compute.runInstance(runRequest({ spot: true, hibernation: true, root_volume_gb: 16 }));
    await compute.listInstances({ regions: [region], tags: { 'cws:project': 'genomics' } });
    await compute.stopInstance(region, 'i-0a1b2c3d4e5f60718', { hibernate: true });
    await compute.startInstance(region, 'i-0a1b2c3d4e5f60718');
    await compute.terminateInstance(region, 'i-0a1b2c3d4e5f60718');
    await compute.consoleOutput(region, 'i-0a1b2c3d4e5f60718');

    let mountTargets = 0;
    efsMock
      .on(CreateFileSystemCommand)
      .resolves({ FileSystemId: 'fs-0a1b2c3d4e5f67890', LifeCycleState: 'creating' })
      .on(DescribeFileSystemsCommand)
      .resolves({
        FileSystems: [{ FileSystemId: 'fs-0a1b2c3d4e5f67890', LifeCycleState: 'available' } as never],
      })
      .on(DescribeMountTargetsCommand)
      .callsFake(() => ({
        MountTargets:
          mountTargets++ === 0
            ? []
            : mountTargets > 3
              ? []
              : [
                  {
                    MountTargetId: 'fsmt-1',
                    AvailabilityZoneName: 'us-east-1a',
                    LifeCycleState: 'available',
                  },
                ],
      }))
      .on(CreateMountTargetCommand)
      .resolves({ MountTargetId: 'fsmt-1' })
      .on(DescribeAccessPointsCommand)
      .resolves({ AccessPoints: [] })
      .on(CreateAccessPointCommand)
      .resolves({ AccessPointId: 'fsap-1', FileSystemId: 'fs-0a1b2c3d4e5f67890' })
      .on(DeleteAccessPointCommand)
      .resolves({})
      .on(DeleteMountTargetCommand)
      .resolves({})
      .on(DeleteFileSystemCommand)
      .resolves({})
      .on(TagResourceCommand)
      .resolves({});
    const storage = new EfsStorage({
      efs: () => efs,
      ec2: () => ec2,
      network: new Ec2Network({ ec2: () => ec2 }),
      sleep: async () => {},
    });
    await storage.createFileSystem(region, 'lab-share', { 'cws:managed': 'true' });
    await storage.ensureMountTarget(region, 'fs-0a1b2c3d4e5f67890', undefined);
    await storage.ensureAccessPoint(
      region,
      'fs-0a1b2c3d4e5f67890',
      { username: 'ana', uid: 5001, gid: 5001 },
      {},
    );
    await storage.listFileSystems([region]);
    await storage.deleteFileSystem(region, 'fs-0a1b2c3d4e5f67890');

    const domainSummary = { DomainId: DOMAIN, DomainName: 'cws-tui', Status: 'InService' as const };
    let domain: 'none' | 'created' | 'deleted' = 'none';
    sageMakerMock
      .on(ListDomainsCommand)
      .callsFake(() => ({ Domains: domain === 'created' ? [domainSummary] : [] }))
      .on(CreateDomainCommand)
      .callsFake(() => {
        domain = 'created';
        return { DomainArn: DOMAIN_ARN };
      })
      .on(DescribeDomainCommand)
      .resolves({ ...domainSummary, DomainArn: DOMAIN_ARN, HomeEfsFileSystemId: 'fs-0home' })
      .on(UpdateDomainCommand)
      .resolves({ DomainArn: DOMAIN_ARN })
      .on(ListTagsCommand)
      .resolves({ Tags: [] })
      .on(DescribeUserProfileCommand)
      .rejects(notFound())
      .on(CreateUserProfileCommand)
      .resolves({})
      .on(DescribeSpaceCommand)
      .rejects(notFound())
      .on(CreateSpaceCommand)
      .resolves({})
      .on(CreateAppCommand)
      .resolves({})
      .on(ListAppsCommand)
      .resolves({
        Apps: [
          {
            DomainId: DOMAIN,
            UserProfileName: 'cws-ana',
            AppType: 'Canvas',
            AppName: 'default',
            Status: 'InService',
          },
        ],
      })
      .on(DescribeAppCommand)
      .resolves({ AppArn: 'arn:app' })
      .on(ListSpacesCommand)
      .resolves({ Spaces: [] })
      .on(ListUserProfilesCommand)
      .resolves({ UserProfiles: [] })
      .on(DeleteAppCommand)
      .resolves({})
      .on(DeleteSpaceCommand)
      .resolves({})
      .on(DeleteUserProfileCommand)
      .resolves({})
      .on(DeleteDomainCommand)
      .callsFake(() => {
        domain = 'deleted';
        return {};
      })
      .on(CreatePresignedDomainUrlCommand)
      .resolves({ AuthorizedUrl: 'https://signed' });
    const studio = new SageMakerStudio({
      sagemaker: () => sagemaker,
      ec2: () => ec2,
      efs: () => efs,
      network: new Ec2Network({ ec2: () => ec2 }),
      executionRole: async () => 'arn:aws:iam::123456789012:role/cws-tui-sagemaker-execution',
    });
    await studio.ensureDomain(region, { name: 'cws-tui', tags: { 'cws:managed': 'true' } });
    await studio.ensureDomain(region, { name: 'cws-tui', tags: {} });
    await studio.ensureUserProfile(region, DOMAIN, 'cws-ana', { 'cws:managed': 'true' });
    for (const app_type of ['JupyterLab', 'CodeEditor'] as const) {
      await studio.ensureSpace(region, {
        domain_id: DOMAIN,
        name: `nb-${app_type}`,
        owner_profile: 'cws-ana',
        app_type,
        instance_type: 'ml.t3.medium',
        idle_timeout_minutes: 90,
        tags: { Name: 'nb' },
      });
    }
    const app = await studio.createApp(region, {
      domain_id: DOMAIN,
      type: 'JupyterLab',
      owner: { space: 'nb' },
      instance_type: 'ml.t3.medium',
      tags: {},
    });
    await studio.createApp(region, {
      domain_id: DOMAIN,
      type: 'Canvas',
      owner: { profile: 'cws-ana' },
      instance_type: 'system',
      tags: {},
    });
    await studio.presignedUrl(region, {
      domain_id: DOMAIN,
      profile: 'cws-ana',
      space: 'nb',
      landing: 'JupyterLab',
    });
    await studio.deleteApp(region, app);
    await studio.deleteSpace(region, DOMAIN, 'nb');
    await studio.deleteUserProfile(region, DOMAIN, 'cws-ana');
    sageMakerMock.on(ListAppsCommand).resolves({ Apps: [] });
    await cleanupStudio(studio, region, { deleteDomain: true, polling: { intervalMs: 1, timeoutMs: 1000 } });

    ceMock.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [] });
    await new CostExplorerBilledSpendSource(
      new CostExplorerClient(config),
      () => new Date('2026-11-20T00:00:00Z'),
    ).fetchBilledSpend({
      start: '2026-11-01',
      end: '2026-12-15',
      tag_key: 'cws:managed',
      tag_value: 'true',
    });

    const sent = (
      mock: { calls(): Array<{ args: unknown[] }> },
      client: SentCommand['client'],
      protocol: SentCommand['protocol'],
    ) => mock.calls().map((call) => ({ client, protocol, command: call.args[0] as SentCommand['command'] }));
    return [
      ...sent(ec2Mock, 'ec2', 'ec2-query'),
      ...sent(efsMock, 'efs', 'rest-json'),
      ...sent(sageMakerMock, 'sagemaker', 'json'),
      ...sent(ceMock, 'ce', 'json'),
    ];
  } finally {
    ec2Mock.restore();
    efsMock.restore();
    sageMakerMock.restore();
    ceMock.restore();
  }
}

const realClients = {
  ec2: new EC2Client({ ...config, requestHandler: capturingHandler }),
  efs: new EFSClient({ ...config, requestHandler: capturingHandler }),
  sagemaker: new SageMakerClient({ ...config, requestHandler: capturingHandler }),
  ce: new CostExplorerClient({ ...config, requestHandler: capturingHandler }),
};

async function serializedGaps(sent: SentCommand): Promise<string[]> {
  const Command = sent.command.constructor as new (input: unknown) => unknown;
  const request = await serialize(realClients[sent.client], new Command(sent.command.input));
  return missingFields(sent.command.input, { protocol: sent.protocol, request });
}

describe('the request each adapter command puts on the wire', () => {
  let sent: SentCommand[] = [];
  beforeAll(async () => {
    sent = await recordAdapterCommands();
  });
  afterAll(() => {
    for (const client of Object.values(realClients)) client.destroy();
  });

  it('covers every kind of command the EC2, EFS, SageMaker and Cost Explorer adapters send', () => {
    const names = new Set(sent.map((entry) => entry.command.constructor.name));
    expect(names.size).toBeGreaterThanOrEqual(35);
    for (const name of [
      'RunInstancesCommand',
      'CreateDomainCommand',
      'UpdateDomainCommand',
      'CreateSpaceCommand',
      'CreatePresignedDomainUrlCommand',
      'DeleteDomainCommand',
      'TagResourceCommand',
      'DescribeMountTargetsCommand',
      'DeleteFileSystemCommand',
      'GetCostAndUsageCommand',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('serializes every field of every input: none is dropped by the SDK', async () => {
    const gaps: string[] = [];
    for (const entry of sent) {
      for (const field of await serializedGaps(entry))
        gaps.push(`${entry.command.constructor.name}: ${field}`);
    }
    expect(gaps).toEqual([]);
  });

  it('would catch an unknown field in the EC2 query and the EFS REST protocols too', async () => {
    const run = {
      ImageId: 'ami-0c7217cdde317cfec',
      MinCount: 1,
      MaxCount: 1,
      InstanceMarketOptions: {
        MarketType: 'spot' as const,
        SpotOptions: { Interruption: 'hibernate' } as never,
      },
    };
    const ec2Request = await serialize(realClients.ec2, new RunInstancesCommand(run));
    expect(missingFields(run, { protocol: 'ec2-query', request: ec2Request })).toEqual([
      'InstanceMarketOptions.SpotOptions.Interruption',
    ]);
    const mount = { FileSystemId: 'fs-0a1b2c3d4e5f67890', SubnetId: 'subnet-a', Zone: 'us-east-1a' } as never;
    const efsRequest = await serialize(realClients.efs, new CreateMountTargetCommand(mount));
    expect(missingFields(mount, { protocol: 'rest-json', request: efsRequest })).toEqual(['Zone']);
  });

  it('would catch a field the SDK drops, such as LifecycleManagement inside the idle settings of a space', async () => {
    const input = {
      DomainId: DOMAIN,
      SpaceName: 'nb',
      SpaceSettings: {
        AppType: 'JupyterLab' as const,
        JupyterLabAppSettings: {
          AppLifecycleManagement: {
            IdleSettings: { LifecycleManagement: 'ENABLED', IdleTimeoutInMinutes: 60 } as never,
          },
        },
      },
    };
    const request = await serialize(realClients.sagemaker, new SpaceCommand(input));
    expect(missingFields(input, { protocol: 'json', request })).toEqual([
      'SpaceSettings.JupyterLabAppSettings.AppLifecycleManagement.IdleSettings.LifecycleManagement',
    ]);
  });
});
