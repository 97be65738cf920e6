import { DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EFSClient } from '@aws-sdk/client-efs';
import {
  type AppDetails,
  CreateAppCommand,
  CreateDomainCommand,
  CreatePresignedDomainUrlCommand,
  CreateSpaceCommand,
  CreateUserProfileCommand,
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
  type Tag,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createDemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { Ec2Network } from '../../../source/aws/ec2Network.js';
import { SageMakerStudio } from '../../../source/aws/sagemaker/SageMakerStudio.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import type { LaunchProgress } from '../../../source/core/launch/LaunchProgress.js';
import { SageMakerService } from '../../../source/core/services/SageMakerService.js';
import { tempEnv } from '../../app/demoSession.js';

const sageMakerMock = mockClient(SageMakerClient);
const ec2Mock = mockClient(EC2Client);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const sageMakerClient = new SageMakerClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
const ec2Client = new EC2Client({ region: 'us-east-1', credentials, maxAttempts: 1 });
const DOMAIN = 'd-abcdefghijkl';
const notFound = () => new ResourceNotFound({ message: 'not found', $metadata: { httpStatusCode: 400 } });

/** SageMaker as a small state machine behind the mocks: what was created is then listed, in service. */
function fakeSageMaker() {
  let domain = false;
  let profile = false;
  let space: { tags: Tag[] } | undefined;
  let app: AppDetails | undefined;
  sageMakerMock.reset();
  ec2Mock.reset();
  ec2Mock.on(DescribeVpcsCommand).resolves({ Vpcs: [{ VpcId: 'vpc-1' }] });
  ec2Mock.on(DescribeSubnetsCommand).resolves({
    Subnets: [{ SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', AvailabilityZoneId: 'use1-az1' }],
  });
  sageMakerMock.on(ListDomainsCommand).callsFake(() => ({
    Domains: domain ? [{ DomainId: DOMAIN, DomainName: 'cws-tui', Status: 'InService' }] : [],
  }));
  sageMakerMock.on(CreateDomainCommand).callsFake(() => {
    domain = true;
    return { DomainArn: `arn:aws:sagemaker:us-east-1:123456789012:domain/${DOMAIN}` };
  });
  sageMakerMock.on(DescribeDomainCommand).resolves({
    DomainId: DOMAIN,
    DomainArn: `arn:domain/${DOMAIN}`,
    DomainName: 'cws-tui',
    Status: 'InService',
    Url: `https://${DOMAIN}.studio.us-east-1.sagemaker.aws`,
  });
  sageMakerMock.on(DescribeUserProfileCommand).callsFake(() => {
    if (!profile) throw notFound();
    return { Status: 'InService' };
  });
  sageMakerMock.on(CreateUserProfileCommand).callsFake(() => {
    profile = true;
    return {};
  });
  sageMakerMock.on(ListUserProfilesCommand).callsFake(() => ({
    UserProfiles: profile ? [{ UserProfileName: 'cws-ana', Status: 'InService' }] : [],
  }));
  sageMakerMock.on(CreateSpaceCommand).callsFake((input: { Tags: Tag[] }) => {
    space = { tags: input.Tags };
    return {};
  });
  sageMakerMock.on(ListSpacesCommand).callsFake(() => ({ Spaces: space ? [{ SpaceName: 'nb' }] : [] }));
  sageMakerMock.on(DescribeSpaceCommand).callsFake(() => {
    if (!space) throw notFound();
    return {
      SpaceName: 'nb',
      SpaceArn: 'arn:space/nb',
      Status: 'InService',
      OwnershipSettings: { OwnerUserProfileName: 'cws-ana' },
      CreationTime: new Date('2026-11-26T03:00:00Z'),
      SpaceSettings: {
        AppType: 'JupyterLab',
        JupyterLabAppSettings: {
          DefaultResourceSpec: { InstanceType: 'ml.t3.medium' },
          AppLifecycleManagement: { IdleSettings: { IdleTimeoutInMinutes: 60 } },
        },
      },
    };
  });
  sageMakerMock.on(ListTagsCommand).callsFake((input: { ResourceArn: string }) => ({
    Tags: input.ResourceArn === 'arn:space/nb' ? (space?.tags ?? []) : [],
  }));
  sageMakerMock.on(CreateAppCommand).callsFake((input: { AppType: 'JupyterLab'; SpaceName: string }) => {
    app = {
      DomainId: DOMAIN,
      SpaceName: input.SpaceName,
      AppType: input.AppType,
      AppName: 'default',
      Status: 'InService',
      CreationTime: new Date('2026-11-26T03:01:00Z'),
      ResourceSpec: { InstanceType: 'ml.t3.medium' },
    };
    return {};
  });
  sageMakerMock.on(ListAppsCommand).callsFake(() => ({ Apps: app ? [app] : [] }));
  sageMakerMock
    .on(CreatePresignedDomainUrlCommand)
    .resolves({ AuthorizedUrl: `https://${DOMAIN}.studio.us-east-1.sagemaker.aws/auth?token=signed` });
}

describe('the SageMaker pipeline against the AWS adapter', () => {
  it('creates the domain, the profile, the space and the app, lists the row and signs a URL', async () => {
    fakeSageMaker();
    const demo = createDemoAccount({ stateDir: String(tempEnv().CWS_STATE_DIR), env: {} });
    const studio = new SageMakerStudio({
      sagemaker: () => sageMakerClient,
      ec2: () => ec2Client,
      efs: () => new EFSClient({ region: 'us-east-1' }),
      network: new Ec2Network({ ec2: () => ec2Client }),
      executionRole: async () => 'arn:aws:iam::123456789012:role/cws-tui-sagemaker-execution',
    });
    const service = new SageMakerService({
      account: { ...demo, studio },
      profile: { name: 'lab', policy: { service_types: ['sagemaker'] }, role: 'member' },
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
    const steps: LaunchProgress[] = [];
    const result = await service.launch(
      { template: 'sagemaker-studio', name: 'nb', spot: false, hibernation: false },
      {
        name: 'SageMaker Studio',
        slug: 'sagemaker-studio',
        description: '',
        inheritance_chain: ['sagemaker-studio'],
        source: 'test',
        service_config: { kind: 'sagemaker-studio', app_type: 'JupyterLab', idle_timeout_minutes: 120 },
      },
      (progress) => steps.push(progress),
    );
    expect(steps.filter((step) => step.status === 'failed')).toEqual([]);
    expect(result.workstation).toMatchObject({
      id: `${DOMAIN}/space/nb`,
      name: 'nb',
      kind: 'sagemaker-studio',
      state: 'running',
      instance_type: 'ml.t3.medium',
      research_user: 'ana',
      profile: 'lab',
    });
    expect(result.hourly_cost).toBe(
      snapshotPriceCatalog.instanceHourly('ml.t3.medium', 'us-east-1')?.usd_per_hour,
    );
    const spaceInput = sageMakerMock.commandCalls(CreateSpaceCommand)[0]?.args[0].input;
    // The space holds its timeout only; the domain switches idle shutdown on for both IDEs.
    expect(spaceInput?.SpaceSettings?.JupyterLabAppSettings?.AppLifecycleManagement?.IdleSettings).toEqual({
      IdleTimeoutInMinutes: 120,
    });
    const domainSettings =
      sageMakerMock.commandCalls(CreateDomainCommand)[0]?.args[0].input.DefaultUserSettings;
    for (const ide of [domainSettings?.JupyterLabAppSettings, domainSettings?.CodeEditorAppSettings]) {
      expect(ide?.AppLifecycleManagement?.IdleSettings?.LifecycleManagement).toBe('ENABLED');
    }
    expect(spaceInput?.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'cws:managed', Value: 'true' },
        { Key: 'cws:research-user', Value: 'ana' },
        { Key: 'cws:owner', Value: 'arn:aws:iam::123456789012:user/ana' },
        { Key: 'Name', Value: 'nb' },
      ]),
    );
    expect(sageMakerMock.commandCalls(CreateUserProfileCommand)[0]?.args[0].input.UserProfileName).toBe(
      'cws-ana',
    );
    const endpoint = await service.connection(result.workstation);
    expect(endpoint.url).toBe(`https://${DOMAIN}.studio.us-east-1.sagemaker.aws/auth?token=signed`);
    expect(sageMakerMock.commandCalls(CreatePresignedDomainUrlCommand)[0]?.args[0].input).toMatchObject({
      DomainId: DOMAIN,
      UserProfileName: 'cws-ana',
      SpaceName: 'nb',
      ExpiresInSeconds: 300,
      LandingUri: 'app:JupyterLab:',
    });
  });
});
