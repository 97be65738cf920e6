import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  CreateStudioCommand,
  DescribeStudioCommand,
  EMRClient,
  InvalidRequestException,
  ListStudiosCommand,
} from '@aws-sdk/client-emr';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { EmrStudios } from '../../../source/aws/emr/EmrStudios.js';
import type { EmrStudioSpec } from '../../../source/core/bigdata/ports.js';
import { awsServiceError } from '../awsServiceError.js';

const emrMock = mockClient(EMRClient);
const ec2Mock = mockClient(EC2Client);
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
const emr = new EMRClient({ region: 'us-east-1', maxAttempts: 1, credentials });
const ec2 = new EC2Client({ region: 'us-east-1', maxAttempts: 1, credentials });
const adapter = new EmrStudios({ emr: () => emr, ec2: () => ec2, profile: 'lab' });
const created = new Date('2026-12-06T04:00:00Z');

const studio = {
  StudioId: 'es-D2CPR1QLCUOIA0TLT1PMDY7JQ',
  StudioArn: 'arn:aws:elasticmapreduce:us-east-1:123456789012:studio/es-D2CPR1QLCUOIA0TLT1PMDY7JQ',
  Name: 'cws-tui-genomics',
  Description: 'EMR Studio of the lab, made by cws-tui',
  AuthMode: 'IAM' as const,
  VpcId: 'vpc-0a1b2c3d4e5f60718',
  SubnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
  ServiceRole: 'arn:aws:iam::123456789012:role/cws-tui/cws-tui-emr-studio-service',
  WorkspaceSecurityGroupId: 'sg-0aaa1111bbbb22223',
  EngineSecurityGroupId: 'sg-0ccc3333dddd44445',
  Url: 'https://es-d2cpr1qlcuoia0tlt1pmdy7jq.emrstudio-prod.us-east-1.amazonaws.com',
  CreationTime: created,
  DefaultS3Location: 's3://cws-tui-staging-123456789012-us-east-1/studio/workspaces/',
  Tags: [{ Key: 'cws:managed', Value: 'true' }],
};

const spec: EmrStudioSpec = {
  name: 'cws-tui-genomics',
  region: 'us-east-1',
  vpc_id: 'vpc-0a1b2c3d4e5f60718',
  subnet_ids: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
  service_role_arn: studio.ServiceRole,
  workspace_location: studio.DefaultS3Location,
  tags: { 'cws:managed': 'true', 'cws:profile': 'lab' },
};

beforeEach(() => {
  emrMock.reset();
  ec2Mock.reset();
});

describe('EmrStudios', () => {
  it('lists the Studios of a region across pages', async () => {
    const { StudioArn: _arn, SubnetIds: _subnets, ServiceRole: _role, ...summary } = studio;
    emrMock
      .on(ListStudiosCommand, {})
      .resolves({ Studios: [summary], Marker: 'page-2' })
      .on(ListStudiosCommand, { Marker: 'page-2' })
      .resolves({
        Studios: [{ ...summary, StudioId: 'es-0000000000000000000000002', Name: 'other', AuthMode: 'SSO' }],
      });
    const studios = await adapter.listStudios('us-east-1');
    expect(studios.map((found) => [found.id, found.name, found.auth_mode])).toEqual([
      ['es-D2CPR1QLCUOIA0TLT1PMDY7JQ', 'cws-tui-genomics', 'IAM'],
      ['es-0000000000000000000000002', 'other', 'SSO'],
    ]);
    expect(studios[0]).toMatchObject({
      url: studio.Url,
      vpc_id: studio.VpcId,
      created_at: created.toISOString(),
    });
  });

  it('describes a Studio with its subnets and workspace location', async () => {
    emrMock.on(DescribeStudioCommand, { StudioId: studio.StudioId }).resolves({ Studio: studio });
    expect(await adapter.describeStudio('us-east-1', studio.StudioId)).toEqual({
      id: studio.StudioId,
      name: 'cws-tui-genomics',
      region: 'us-east-1',
      url: studio.Url,
      auth_mode: 'IAM',
      vpc_id: studio.VpcId,
      subnet_ids: studio.SubnetIds,
      workspace_location: studio.DefaultS3Location,
      created_at: created.toISOString(),
    });
  });

  it('an unknown Studio id is EMR InvalidRequestException, named with the action', async () => {
    emrMock.on(DescribeStudioCommand).rejects(
      new InvalidRequestException({
        message: 'Studio does not exist: es-NOPE',
        ErrorCode: 'INVALID_REQUEST',
        $metadata: { httpStatusCode: 400, requestId: 'req-2' },
      }),
    );
    await expect(adapter.describeStudio('us-east-1', 'es-NOPE')).rejects.toMatchObject({
      name: 'CloudError',
      code: 'InvalidRequestException',
    });
  });

  it('creates the security groups, admits the workspace to the engine port, then the IAM-mode Studio', async () => {
    ec2Mock
      .on(DescribeSecurityGroupsCommand)
      .resolves({ SecurityGroups: [] })
      .on(CreateSecurityGroupCommand, { GroupName: 'cws-tui-emr-studio-workspace' })
      .resolves({ GroupId: studio.WorkspaceSecurityGroupId })
      .on(CreateSecurityGroupCommand, { GroupName: 'cws-tui-emr-studio-engine' })
      .resolves({ GroupId: studio.EngineSecurityGroupId })
      .on(AuthorizeSecurityGroupIngressCommand)
      .resolves({ Return: true });
    emrMock
      .on(CreateStudioCommand)
      .resolves({ StudioId: studio.StudioId, Url: studio.Url })
      .on(DescribeStudioCommand)
      .resolves({ Studio: studio });

    const made = await adapter.createStudio(spec);
    expect(made.url).toBe(studio.Url);

    const groups = ec2Mock.commandCalls(CreateSecurityGroupCommand).map((call) => call.args[0].input);
    expect(groups.every((group) => group.VpcId === spec.vpc_id)).toBe(true);
    expect(groups[0]?.TagSpecifications?.[0]?.Tags).toContainEqual({
      Key: 'for-use-with-amazon-emr-managed-policies',
      Value: 'true',
    });
    const ingress = ec2Mock.commandCalls(AuthorizeSecurityGroupIngressCommand)[0]?.args[0].input;
    expect(ingress).toEqual({
      GroupId: studio.EngineSecurityGroupId,
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 18888,
          ToPort: 18888,
          UserIdGroupPairs: [
            { GroupId: studio.WorkspaceSecurityGroupId, Description: 'EMR Studio workspaces' },
          ],
        },
      ],
    });
    expect(emrMock.commandCalls(CreateStudioCommand)[0]?.args[0].input).toEqual({
      Name: 'cws-tui-genomics',
      Description: 'EMR Studio of the lab, made by cws-tui',
      AuthMode: 'IAM',
      VpcId: spec.vpc_id,
      SubnetIds: spec.subnet_ids,
      ServiceRole: spec.service_role_arn,
      WorkspaceSecurityGroupId: studio.WorkspaceSecurityGroupId,
      EngineSecurityGroupId: studio.EngineSecurityGroupId,
      DefaultS3Location: spec.workspace_location,
      Tags: [
        { Key: 'cws:managed', Value: 'true' },
        { Key: 'cws:profile', Value: 'lab' },
      ],
    });
  });

  it('reuses security groups a previous run made and takes an existing rule as done', async () => {
    ec2Mock
      .on(DescribeSecurityGroupsCommand)
      .resolves({
        SecurityGroups: [
          { GroupName: 'cws-tui-emr-studio-workspace', GroupId: studio.WorkspaceSecurityGroupId },
          { GroupName: 'cws-tui-emr-studio-engine', GroupId: studio.EngineSecurityGroupId },
        ],
      })
      .on(AuthorizeSecurityGroupIngressCommand)
      .rejects(awsServiceError('InvalidPermission.Duplicate', 'the specified rule already exists'));
    emrMock
      .on(CreateStudioCommand)
      .resolves({ StudioId: studio.StudioId, Url: studio.Url })
      .on(DescribeStudioCommand)
      .resolves({ Studio: studio });
    await adapter.createStudio(spec);
    expect(ec2Mock.commandCalls(CreateSecurityGroupCommand)).toHaveLength(0);
    expect(emrMock.commandCalls(CreateStudioCommand)[0]?.args[0].input.EngineSecurityGroupId).toBe(
      studio.EngineSecurityGroupId,
    );
  });

  it('a service role EMR cannot assume fails the create with its reason', async () => {
    ec2Mock
      .on(DescribeSecurityGroupsCommand)
      .resolves({
        SecurityGroups: [
          { GroupName: 'cws-tui-emr-studio-workspace', GroupId: studio.WorkspaceSecurityGroupId },
          { GroupName: 'cws-tui-emr-studio-engine', GroupId: studio.EngineSecurityGroupId },
        ],
      })
      .on(AuthorizeSecurityGroupIngressCommand)
      .resolves({ Return: true });
    emrMock.on(CreateStudioCommand).rejects(
      new InvalidRequestException({
        message:
          'Service role arn:aws:iam::123456789012:role/cws-tui/cws-tui-emr-studio-service is not assumable',
        $metadata: { httpStatusCode: 400, requestId: 'req-3' },
      }),
    );
    await expect(adapter.createStudio(spec)).rejects.toMatchObject({
      name: 'CloudError',
      code: 'InvalidRequestException',
      message: expect.stringContaining('not assumable'),
    });
    expect(emrMock.commandCalls(DescribeStudioCommand)).toHaveLength(0);
  });

  it('a Studio described without its URL is an incomplete response, not a broken link', async () => {
    const { Url: _url, ...withoutUrl } = studio;
    emrMock.on(DescribeStudioCommand).resolves({ Studio: withoutUrl });
    await expect(adapter.describeStudio('us-east-1', studio.StudioId)).rejects.toMatchObject({
      code: 'IncompleteResponse',
    });
  });
});
