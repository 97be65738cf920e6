import { DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EFSClient, TagResourceCommand } from '@aws-sdk/client-efs';
import {
  type AppDetails,
  CreateAppCommand,
  CreateDomainCommand,
  CreatePresignedDomainUrlCommand,
  CreateSpaceCommand,
  DeleteAppCommand,
  DeleteDomainCommand,
  DeleteSpaceCommand,
  DeleteUserProfileCommand,
  DescribeAppCommand,
  DescribeDomainCommand,
  type DescribeDomainCommandOutput,
  DescribeSpaceCommand,
  type DomainStatus,
  ListAppsCommand,
  ListDomainsCommand,
  ListSpacesCommand,
  ListTagsCommand,
  ListUserProfilesCommand,
  ResourceInUse,
  ResourceLimitExceeded,
  ResourceNotFound,
  SageMakerClient,
  UpdateDomainCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { Ec2Network } from '../../../source/aws/ec2Network.js';
import { PRESIGNED_URL_SECONDS, SageMakerStudio } from '../../../source/aws/sagemaker/SageMakerStudio.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { LaunchError } from '../../../source/core/launch/LaunchError.js';
import { cleanupStudio } from '../../../source/core/services/cleanupStudio.js';
import { SageMakerService } from '../../../source/core/services/SageMakerService.js';
import { studioCostResources } from '../../../source/core/services/studioCostResources.js';
import { tempEnv } from '../../app/demoSession.js';
import { rejectionOf } from '../rejectionOf.js';

const sageMakerMock = mockClient(SageMakerClient);
const ec2Mock = mockClient(EC2Client);
const efsMock = mockClient(EFSClient);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const sageMakerClient = new SageMakerClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
const ec2Client = new EC2Client({ region: 'us-east-1', credentials, maxAttempts: 1 });
const efsClient = new EFSClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
const ROLE = 'arn:aws:iam::123456789012:role/cws-tui-sagemaker-execution';
/** Idle shutdown as the domain switches it on for JupyterLab and Code Editor. */
const IDLE = {
  IdleSettings: {
    LifecycleManagement: 'ENABLED' as const,
    IdleTimeoutInMinutes: 60,
    MinIdleTimeoutInMinutes: 60,
    MaxIdleTimeoutInMinutes: 525600,
  },
};
const USER_SETTINGS = {
  ExecutionRole: ROLE,
  StudioWebPortal: 'ENABLED',
  DefaultLandingUri: 'studio::',
  JupyterLabAppSettings: { AppLifecycleManagement: IDLE },
  CodeEditorAppSettings: { AppLifecycleManagement: IDLE },
  SpaceStorageSettings: {
    DefaultEbsStorageSettings: { DefaultEbsVolumeSizeInGb: 5, MaximumEbsVolumeSizeInGb: 100 },
  },
} as const;
const NOW = Date.parse('2026-11-26T03:00:00.000Z');
const DOMAIN_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:domain/d-abcdefghijkl';
let roleLookups = 0;

const studio = () =>
  new SageMakerStudio({
    sagemaker: () => sageMakerClient,
    ec2: () => ec2Client,
    efs: () => efsClient,
    network: new Ec2Network({ ec2: () => ec2Client }),
    roleRetryDelaysMs: [1, 1],
    executionRole: async () => {
      roleLookups++;
      return 'arn:aws:iam::123456789012:role/cws-tui-sagemaker-execution';
    },
    now: () => NOW,
  });
const metadata = { $metadata: { httpStatusCode: 400 } };

function describedDomain(
  status: DomainStatus,
  extra: Partial<DescribeDomainCommandOutput> = {},
): DescribeDomainCommandOutput {
  return {
    $metadata: {},
    DomainId: 'd-abcdefghijkl',
    DomainArn: DOMAIN_ARN,
    DomainName: 'cws-tui',
    Status: status,
    Url: 'https://d-abcdefghijkl.studio.us-east-1.sagemaker.aws',
    HomeEfsFileSystemId: 'fs-0123456789abcdef0',
    TagPropagation: 'ENABLED',
    DefaultUserSettings: USER_SETTINGS,
    ...extra,
  };
}

beforeEach(() => {
  sageMakerMock.reset();
  ec2Mock.reset();
  efsMock.reset();
  roleLookups = 0;
  sageMakerMock.on(ListTagsCommand).resolves({ Tags: [{ Key: 'cws:managed', Value: 'true' }] });
});

describe('SageMakerStudio: domain', () => {
  it('creates an IAM-auth Studio domain with idle shutdown, tag propagation and one supported subnet per zone', async () => {
    sageMakerMock.on(ListDomainsCommand).resolves({ Domains: [] });
    ec2Mock.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1', IsDefault: true }] });
    ec2Mock.on(DescribeSubnetsCommand).resolves({
      Subnets: [
        { SubnetId: 'subnet-a', AvailabilityZoneId: 'use1-az1', DefaultForAz: true },
        { SubnetId: 'subnet-a2', AvailabilityZoneId: 'use1-az1' },
        { SubnetId: 'subnet-b', AvailabilityZoneId: 'use1-az2', DefaultForAz: true },
        { SubnetId: 'subnet-c', AvailabilityZoneId: 'use1-az3', DefaultForAz: true },
      ],
    });
    sageMakerMock.on(CreateDomainCommand).resolves({ DomainArn: DOMAIN_ARN, Url: 'https://x' });
    sageMakerMock.on(DescribeDomainCommand).resolves(describedDomain('Pending'));
    const domain = await studio().ensureDomain('us-east-1', {
      name: 'cws-tui',
      tags: { 'cws:managed': 'true' },
    });
    expect(domain).toEqual({
      id: 'd-abcdefghijkl',
      name: 'cws-tui',
      region: 'us-east-1',
      status: 'Pending',
      url: 'https://d-abcdefghijkl.studio.us-east-1.sagemaker.aws',
      home_efs_file_system_id: 'fs-0123456789abcdef0',
      tag_propagation: true,
      tags: { 'cws:managed': 'true' },
    });
    expect(ec2Mock.commandCalls(DescribeSubnetsCommand)[0]?.args[0].input.Filters).toEqual([
      { Name: 'vpc-id', Values: ['vpc-1'] },
    ]);
    expect(sageMakerMock.commandCalls(CreateDomainCommand)[0]?.args[0].input).toEqual({
      DomainName: 'cws-tui',
      AuthMode: 'IAM',
      VpcId: 'vpc-1',
      SubnetIds: ['subnet-a', 'subnet-b'],
      AppNetworkAccessType: 'PublicInternetOnly',
      DefaultUserSettings: USER_SETTINGS,
      DefaultSpaceSettings: { ExecutionRole: ROLE },
      TagPropagation: 'ENABLED',
      Tags: [{ Key: 'cws:managed', Value: 'true' }],
    });
    expect(roleLookups).toBe(1);
  });

  it('retries CreateDomain while IAM has not propagated a fresh execution role', async () => {
    sageMakerMock.on(ListDomainsCommand).resolves({ Domains: [] });
    ec2Mock.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1', IsDefault: true }] });
    ec2Mock
      .on(DescribeSubnetsCommand)
      .resolves({ Subnets: [{ SubnetId: 'subnet-a', AvailabilityZoneId: 'use1-az1' }] });
    const notYet = Object.assign(
      new Error(`The execution role ARN "${ROLE}" is invalid: SageMaker could not assume it.`),
      {
        name: 'ValidationException',
        $metadata: { httpStatusCode: 400 },
      },
    );
    sageMakerMock
      .on(CreateDomainCommand)
      .rejectsOnce(notYet)
      .resolves({ DomainArn: DOMAIN_ARN, Url: 'https://x' });
    sageMakerMock.on(DescribeDomainCommand).resolves(describedDomain('Pending'));
    const domain = await studio().ensureDomain('us-east-1', { name: 'cws-tui', tags: {} });
    expect(domain.id).toBe('d-abcdefghijkl');
    expect(sageMakerMock.commandCalls(CreateDomainCommand)).toHaveLength(2);
  });

  it('brings an existing domain without idle shutdown or tag propagation up to date with UpdateDomain', async () => {
    sageMakerMock
      .on(ListDomainsCommand)
      .resolves({ Domains: [{ DomainId: 'd-abcdefghijkl', DomainName: 'cws-tui' }] });
    sageMakerMock.on(DescribeDomainCommand).resolves(
      describedDomain('InService', {
        TagPropagation: 'DISABLED',
        DefaultUserSettings: {
          ExecutionRole: ROLE,
          JupyterLabAppSettings: { DefaultResourceSpec: { InstanceType: 'ml.t3.medium' } },
        },
      }),
    );
    sageMakerMock.on(UpdateDomainCommand).resolves({ DomainArn: DOMAIN_ARN });
    await studio().ensureDomain('us-east-1', { name: 'cws-tui', tags: {} });
    expect(sageMakerMock.commandCalls(UpdateDomainCommand)[0]?.args[0].input).toEqual({
      DomainId: 'd-abcdefghijkl',
      DefaultUserSettings: {
        JupyterLabAppSettings: {
          DefaultResourceSpec: { InstanceType: 'ml.t3.medium' },
          AppLifecycleManagement: IDLE,
        },
        CodeEditorAppSettings: { AppLifecycleManagement: IDLE },
        StudioWebPortal: 'ENABLED',
        DefaultLandingUri: 'studio::',
      },
      TagPropagation: 'ENABLED',
    });
    expect(sageMakerMock.commandCalls(CreateDomainCommand)).toHaveLength(0);
  });

  it('finds the existing domain and creates nothing; an admin-chosen role is never looked up', async () => {
    sageMakerMock
      .on(ListDomainsCommand)
      .resolves({ Domains: [{ DomainId: 'd-abcdefghijkl', DomainName: 'cws-tui' }] });
    sageMakerMock.on(DescribeDomainCommand).resolves(describedDomain('InService'));
    const domain = await studio().ensureDomain('us-east-1', {
      name: 'cws-tui',
      tags: {},
      execution_role_arn: 'arn:aws:iam::1:role/admin-chosen',
    });
    expect(domain.status).toBe('InService');
    expect(sageMakerMock.commandCalls(CreateDomainCommand)).toHaveLength(0);
    expect(sageMakerMock.commandCalls(UpdateDomainCommand)).toHaveLength(0);
    expect(roleLookups).toBe(0);
  });

  it('a Failed domain stops the launch at ensure-domain with its reason', async () => {
    sageMakerMock
      .on(ListDomainsCommand)
      .resolves({ Domains: [{ DomainId: 'd-abcdefghijkl', DomainName: 'cws-tui' }] });
    sageMakerMock
      .on(DescribeDomainCommand)
      .resolves(describedDomain('Failed', { FailureReason: 'Subnets must be in at least two AZs' }));
    const demo = createDemoAccount({ stateDir: String(tempEnv().CWS_STATE_DIR), env: {} });
    const service = new SageMakerService({
      account: { ...demo, studio: studio() },
      profile: { name: 'p', policy: {}, role: 'member' },
      owner: async () => 'arn:aws:iam::123456789012:user/ana',
      researchUser: async () => ({
        username: 'ana',
        uid: 5001,
        gid: 5001,
        groups: [],
        shell: '/bin/bash',
        ssh_public_keys: [],
        created_at: '2026-11-01T00:00:00.000Z',
      }),
      prices: snapshotPriceCatalog,
      audit: async () => {},
      polling: { intervalMs: 1, timeoutMs: 1000 },
    });
    sageMakerMock.on(ListAppsCommand).resolves({ Apps: [] });
    sageMakerMock.on(ListSpacesCommand).resolves({ Spaces: [] });
    const failure = await service
      .launch(
        { template: 'sagemaker-studio', name: 'nb', spot: false, hibernation: false },
        studioTemplate(),
        () => {},
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(LaunchError);
    expect(failure).toMatchObject({
      step: 'ensure-domain',
      message: 'the domain d-abcdefghijkl is Failed: Subnets must be in at least two AZs',
    });
  });
});

describe('SageMakerStudio: spaces and apps', () => {
  it('creates a private space with the instance type, its idle timeout (the only field SpaceIdleSettings has) and a 5 GB volume', async () => {
    sageMakerMock
      .on(DescribeSpaceCommand)
      .rejects(new ResourceNotFound({ message: 'Space not found', ...metadata }));
    sageMakerMock.on(CreateSpaceCommand).resolves({ SpaceArn: 'arn:space' });
    const space = await studio().ensureSpace('us-east-1', {
      domain_id: 'd-abcdefghijkl',
      name: 'nb',
      owner_profile: 'cws-ana',
      app_type: 'CodeEditor',
      instance_type: 'ml.m5.xlarge',
      idle_timeout_minutes: 90,
      tags: { Name: 'nb' },
    });
    expect(space).toMatchObject({
      status: 'Pending',
      created_at: new Date(NOW).toISOString(),
      ebs_volume_gb: 5,
    });
    expect(sageMakerMock.commandCalls(CreateSpaceCommand)[0]?.args[0].input).toEqual({
      DomainId: 'd-abcdefghijkl',
      SpaceName: 'nb',
      OwnershipSettings: { OwnerUserProfileName: 'cws-ana' },
      SpaceSharingSettings: { SharingType: 'Private' },
      SpaceSettings: {
        AppType: 'CodeEditor',
        CodeEditorAppSettings: {
          DefaultResourceSpec: { InstanceType: 'ml.m5.xlarge' },
          AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 90 } },
        },
        SpaceStorageSettings: { EbsStorageSettings: { EbsVolumeSizeInGb: 5 } },
      },
      Tags: [{ Key: 'Name', Value: 'nb' }],
    });
  });

  it('lists spaces across pages, each described for its type, idle setting and tags', async () => {
    sageMakerMock
      .on(ListSpacesCommand)
      .resolvesOnce({ Spaces: [{ SpaceName: 'a' }], NextToken: 'page-2' })
      .resolvesOnce({ Spaces: [{ SpaceName: 'b' }] });
    sageMakerMock.on(DescribeSpaceCommand).callsFake((input: { SpaceName: string }) => ({
      SpaceName: input.SpaceName,
      SpaceArn: `arn:space/${input.SpaceName}`,
      Status: 'InService',
      OwnershipSettings: { OwnerUserProfileName: 'cws-ana' },
      CreationTime: new Date(NOW),
      SpaceSettings: {
        AppType: 'JupyterLab',
        JupyterLabAppSettings: {
          DefaultResourceSpec: { InstanceType: 'ml.t3.medium' },
          AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 60 } },
        },
      },
    }));
    const spaces = await studio().listSpaces('us-east-1', 'd-abcdefghijkl');
    expect(
      spaces.map((space) => [space.name, space.instance_type, space.idle_timeout_minutes, space.tags]),
    ).toEqual([
      ['a', 'ml.t3.medium', 60, { 'cws:managed': 'true' }],
      ['b', 'ml.t3.medium', 60, { 'cws:managed': 'true' }],
    ]);
    expect(sageMakerMock.commandCalls(ListSpacesCommand)[1]?.args[0].input.NextToken).toBe('page-2');
  });

  it('creates a Canvas app on the user profile without a resource spec', async () => {
    sageMakerMock.on(CreateAppCommand).resolves({ AppArn: 'arn:app' });
    await studio().createApp('us-east-1', {
      domain_id: 'd-abcdefghijkl',
      type: 'Canvas',
      owner: { profile: 'cws-ana' },
      instance_type: 'system',
      tags: {},
    });
    expect(sageMakerMock.commandCalls(CreateAppCommand)[0]?.args[0].input).toEqual({
      DomainId: 'd-abcdefghijkl',
      AppType: 'Canvas',
      AppName: 'default',
      UserProfileName: 'cws-ana',
      Tags: [],
    });
  });

  it("counts a stopped space's own EBS volume in the cost report and warns when tag propagation is off", async () => {
    sageMakerMock
      .on(ListDomainsCommand)
      .resolves({ Domains: [{ DomainId: 'd-abcdefghijkl', DomainName: 'cws-tui', Status: 'InService' }] });
    sageMakerMock
      .on(DescribeDomainCommand)
      .resolves(describedDomain('InService', { TagPropagation: 'DISABLED' }));
    sageMakerMock.on(ListSpacesCommand).resolves({ Spaces: [{ SpaceName: 'nb' }] });
    sageMakerMock.on(DescribeSpaceCommand).resolves({
      SpaceName: 'nb',
      Status: 'InService',
      CreationTime: new Date('2026-11-20T00:00:00Z'),
      SpaceSettings: {
        AppType: 'JupyterLab',
        JupyterLabAppSettings: { DefaultResourceSpec: { InstanceType: 'ml.t3.medium' } },
        SpaceStorageSettings: { EbsStorageSettings: { EbsVolumeSizeInGb: 20 } },
      },
    });
    sageMakerMock.on(ListAppsCommand).resolves({ Apps: [] });
    const { resources, warnings } = await studioCostResources(studio(), ['us-east-1']);
    expect(resources).toEqual([
      expect.objectContaining({
        id: 'd-abcdefghijkl/space/nb',
        instance_type: 'ml.t3.medium',
        root_volume_gb: 20,
        transitions: [{ at: '2026-11-20T00:00:00.000Z', state: 'stopped' }],
      }),
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(/^SageMaker domain d-abcdefghijkl in us-east-1 has custom tag propagation off/),
    ]);
  });

  it('ResourceLimitExceeded becomes a quota error that says what to do', async () => {
    sageMakerMock.on(CreateAppCommand).rejects(
      new ResourceLimitExceeded({
        message:
          "The account-level service limit 'Studio JupyterLab Apps running on ml.g5.xlarge instance' is 0",
        ...metadata,
      }),
    );
    const error = await rejectionOf(
      studio().createApp('us-east-1', {
        domain_id: 'd-abcdefghijkl',
        type: 'JupyterLab',
        owner: { space: 'nb' },
        instance_type: 'ml.g5.xlarge',
        tags: {},
      }),
    );
    expect(error).toMatchObject({
      kind: 'quota',
      code: 'ResourceLimitExceeded',
      message: expect.stringMatching(
        /^A SageMaker quota in us-east-1 is used up: The account-level service limit/,
      ),
      hint: expect.stringMatching(/Service Quotas \(Amazon SageMaker\)/),
    });
  });

  it('reads a failed app’s reason and a Canvas app’s tags from DescribeApp', async () => {
    const apps: AppDetails[] = [
      {
        DomainId: 'd-1',
        SpaceName: 'nb',
        AppType: 'JupyterLab',
        AppName: 'default',
        Status: 'Failed',
        CreationTime: new Date(NOW),
      },
      {
        DomainId: 'd-1',
        UserProfileName: 'cws-ana',
        AppType: 'Canvas',
        AppName: 'default',
        Status: 'InService',
        CreationTime: new Date(NOW),
      },
      {
        DomainId: 'd-1',
        UserProfileName: 'cws-ana',
        AppType: 'JupyterServer',
        AppName: 'default',
        Status: 'InService',
      },
    ];
    sageMakerMock.on(ListAppsCommand).resolves({ Apps: apps });
    sageMakerMock
      .on(DescribeAppCommand)
      .callsFake((input: { AppType: string }) =>
        input.AppType === 'Canvas' ? { AppArn: 'arn:canvas' } : { FailureReason: 'Image pull failed' },
      );
    const listed = await studio().listApps('us-east-1', 'd-1');
    expect(listed.map((app) => [app.type, app.status, app.failure_reason ?? null])).toEqual([
      ['JupyterLab', 'Failed', 'Image pull failed'],
      ['Canvas', 'InService', null],
    ]);
    expect(listed[1]?.tags).toEqual({ 'cws:managed': 'true' });
  });
});

describe('SageMakerStudio: presigned URL', () => {
  it("is made on every connect with a 5-minute expiry, landing in the space's app or in Canvas", async () => {
    let made = 0;
    sageMakerMock.on(CreatePresignedDomainUrlCommand).callsFake(() => ({
      AuthorizedUrl: `https://d-abcdefghijkl.studio.us-east-1.sagemaker.aws/auth?token=t${++made}`,
    }));
    const adapter = studio();
    const first = await adapter.presignedUrl('us-east-1', {
      domain_id: 'd-abcdefghijkl',
      profile: 'cws-ana',
      space: 'nb',
      landing: 'JupyterLab',
    });
    const second = await adapter.presignedUrl('us-east-1', {
      domain_id: 'd-abcdefghijkl',
      profile: 'cws-ana',
      space: 'nb',
      landing: 'CodeEditor',
    });
    expect([first.url, second.url]).toEqual([
      'https://d-abcdefghijkl.studio.us-east-1.sagemaker.aws/auth?token=t1',
      'https://d-abcdefghijkl.studio.us-east-1.sagemaker.aws/auth?token=t2',
    ]);
    expect(first.expires_at).toBe(new Date(NOW + PRESIGNED_URL_SECONDS * 1000).toISOString());
    expect(sageMakerMock.commandCalls(CreatePresignedDomainUrlCommand)[0]?.args[0].input).toEqual({
      DomainId: 'd-abcdefghijkl',
      UserProfileName: 'cws-ana',
      ExpiresInSeconds: 300,
      SpaceName: 'nb',
      LandingUri: 'app:JupyterLab:',
    });
    expect(sageMakerMock.commandCalls(CreatePresignedDomainUrlCommand)[1]?.args[0].input.LandingUri).toBe(
      'app:CodeEditor:',
    );
    await adapter.presignedUrl('us-east-1', {
      domain_id: 'd-abcdefghijkl',
      profile: 'cws-ana',
      landing: 'Canvas',
    });
    expect(sageMakerMock.commandCalls(CreatePresignedDomainUrlCommand)[2]?.args[0].input).toMatchObject({
      LandingUri: 'app:Canvas:',
    });
  });
});

describe('cleanup through the adapter', () => {
  it('deletes apps, then spaces, then user profiles, then the domain, waiting for each', async () => {
    const order: string[] = [];
    let appsDeleted = false;
    let spacesDeleted = false;
    let profilesDeleted = false;
    let domainDeleted = false;
    sageMakerMock.on(ListDomainsCommand).callsFake(() => ({
      Domains: domainDeleted ? [] : [{ DomainId: 'd-abcdefghijkl', DomainName: 'cws-tui' }],
    }));
    sageMakerMock.on(DescribeDomainCommand).resolves(describedDomain('InService'));
    sageMakerMock.on(ListAppsCommand).callsFake(() => ({
      Apps: [
        {
          DomainId: 'd-abcdefghijkl',
          SpaceName: 'nb',
          AppType: 'JupyterLab',
          AppName: 'default',
          Status: appsDeleted ? 'Deleted' : 'InService',
        },
        // Studio Classic's app, which the app never launches but which blocks DeleteUserProfile.
        {
          DomainId: 'd-abcdefghijkl',
          UserProfileName: 'cws-ana',
          AppType: 'JupyterServer',
          AppName: 'default',
          Status: appsDeleted ? 'Deleted' : 'InService',
        },
      ],
    }));
    efsMock.on(TagResourceCommand).callsFake(() => {
      order.push('tag-home');
      return {};
    });
    sageMakerMock
      .on(ListSpacesCommand)
      .callsFake(() => ({ Spaces: spacesDeleted ? [] : [{ SpaceName: 'nb' }] }));
    sageMakerMock.on(DescribeSpaceCommand).resolves({ SpaceName: 'nb', Status: 'InService' });
    sageMakerMock.on(ListUserProfilesCommand).callsFake(() => ({
      UserProfiles: profilesDeleted ? [] : [{ UserProfileName: 'cws-ana', Status: 'InService' }],
    }));
    sageMakerMock.on(DeleteAppCommand).callsFake((input: { AppType: string }) => {
      order.push(`app ${input.AppType}`);
      appsDeleted = true;
      return {};
    });
    sageMakerMock.on(DeleteSpaceCommand).callsFake(() => {
      if (!appsDeleted) throw new ResourceInUse({ message: 'space has apps', ...metadata });
      order.push('space');
      spacesDeleted = true;
      return {};
    });
    sageMakerMock.on(DeleteUserProfileCommand).callsFake(() => {
      order.push('user-profile');
      profilesDeleted = true;
      return {};
    });
    sageMakerMock.on(DeleteDomainCommand).callsFake((input: { RetentionPolicy: unknown }) => {
      order.push('domain');
      expect(input.RetentionPolicy).toEqual({ HomeEfsFileSystem: 'Retain' });
      domainDeleted = true;
      return {};
    });
    const said: string[] = [];
    const result = await cleanupStudio(studio(), 'us-east-1', {
      deleteDomain: true,
      polling: { intervalMs: 1, timeoutMs: 1000 },
      onStep: (line) => said.push(line),
    });
    expect(order).toEqual([
      'app JupyterLab',
      'app JupyterServer',
      'space',
      'user-profile',
      'tag-home',
      'domain',
    ]);
    expect(efsMock.commandCalls(TagResourceCommand)[0]?.args[0].input).toEqual({
      ResourceId: 'fs-0123456789abcdef0',
      Tags: [
        { Key: 'cws:managed', Value: 'true' },
        { Key: 'Name', Value: 'studio-home-d-abcdefghijkl' },
        { Key: 'cws:studio-domain', Value: 'd-abcdefghijkl' },
      ],
    });
    expect(result).toEqual({
      domains: 1,
      apps: 2,
      spaces: 1,
      user_profiles: 1,
      domain_deleted: true,
      retained_home_file_systems: ['fs-0123456789abcdef0'],
    });
    expect(said.at(-1)).toBe(
      "kept its home EFS fs-0123456789abcdef0 (the users' files): listed in storage; delete it with: cws-tui storage delete fs-0123456789abcdef0 --region us-east-1 --yes",
    );
  });

  it('does not delete the domain when its home EFS cannot be tagged (it would be left unlisted)', async () => {
    sageMakerMock.on(DescribeDomainCommand).resolves(describedDomain('InService'));
    efsMock.on(TagResourceCommand).rejects(
      Object.assign(new Error('not authorized to perform: elasticfilesystem:TagResource'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 403 },
      }),
    );
    const error = await rejectionOf(studio().deleteDomain('us-east-1', 'd-abcdefghijkl'));
    expect(error.kind).toBe('unauthorized');
    expect(sageMakerMock.commandCalls(DeleteDomainCommand)).toHaveLength(0);
  });

  it('stops at a space that cannot be deleted and deletes nothing after it', async () => {
    sageMakerMock
      .on(ListDomainsCommand)
      .resolves({ Domains: [{ DomainId: 'd-abcdefghijkl', DomainName: 'cws-tui' }] });
    sageMakerMock.on(DescribeDomainCommand).resolves(describedDomain('InService'));
    sageMakerMock.on(ListAppsCommand).resolves({ Apps: [] });
    sageMakerMock.on(ListSpacesCommand).resolves({ Spaces: [{ SpaceName: 'nb' }] });
    sageMakerMock.on(DescribeSpaceCommand).resolves({ SpaceName: 'nb', Status: 'Delete_Failed' });
    sageMakerMock.on(DeleteSpaceCommand).resolves({});
    const error = await rejectionOf(
      cleanupStudio(studio(), 'us-east-1', {
        deleteDomain: true,
        polling: { intervalMs: 1, timeoutMs: 1000 },
      }),
    );
    expect(error.message).toBe(
      'cleanup stopped: spaces of d-abcdefghijkl could not be deleted (Delete_Failed)',
    );
    expect(sageMakerMock.commandCalls(DeleteUserProfileCommand)).toHaveLength(0);
    expect(sageMakerMock.commandCalls(DeleteDomainCommand)).toHaveLength(0);
  });
});

function studioTemplate() {
  return {
    name: 'SageMaker Studio',
    slug: 'sagemaker-studio',
    description: '',
    inheritance_chain: ['sagemaker-studio'],
    source: 'test',
    service_config: {
      kind: 'sagemaker-studio' as const,
      app_type: 'JupyterLab' as const,
      instance_type: 'ml.t3.medium',
    },
  };
}

describe('SageMakerStudio: listing domains', () => {
  it('describes only the app’s domain; others come from their summary', async () => {
    sageMakerMock.on(ListDomainsCommand).resolves({
      Domains: [
        { DomainId: 'd-abcdefghijkl', DomainName: 'cws-tui', Status: 'InService' },
        {
          DomainId: 'd-other',
          DomainName: 'team-domain',
          Status: 'InService',
          Url: 'https://d-other.studio',
        },
      ],
    });
    sageMakerMock.on(DescribeDomainCommand).resolves(describedDomain('InService'));
    const domains = await studio().listDomains('us-east-1');
    expect(domains[1]).toEqual({
      id: 'd-other',
      name: 'team-domain',
      region: 'us-east-1',
      status: 'InService',
      url: 'https://d-other.studio',
      tags: {},
    });
    expect(domains[0]?.home_efs_file_system_id).toBe('fs-0123456789abcdef0');
    expect(
      sageMakerMock.commandCalls(DescribeDomainCommand).map((call) => call.args[0].input.DomainId),
    ).toEqual(['d-abcdefghijkl']);
  });
});
