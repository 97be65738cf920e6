import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  CreateTableCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  UpdateContinuousBackupsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  PutRolePolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import {
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { GetServiceQuotaCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import {
  DescribeInstanceInformationCommand,
  GetCommandInvocationCommand,
  GetParameterCommand,
  SendCommandCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { dynamoExpressions } from '../../source/aws/dynamodb/dynamoExpressions.js';
import { capabilityCases, capabilityClients } from './capabilityRequestCases.js';
import { createSecurityGroup, ec2Requests } from './ec2AdapterRequests.js';
import {
  type CapturedRequest,
  capturingClientConfig as config,
  missingFields,
  serialize,
} from './serializedRequest.js';

const ACCOUNT = '123456789012';
const ROLE = 'cws-tui-workstation';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/cws-tui/${ROLE}`;
const INSTANCE = 'i-0a1b2c3d4e5f60718';
const managedTags = [{ Key: 'cws:managed', Value: 'true' }];
const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'ec2:StartInstances', Resource: '*' }],
});

const clients = {
  ec2: new EC2Client(config),
  iam: new IAMClient(config),
  sts: new STSClient(config),
  ssm: new SSMClient(config),
  pricing: new PricingClient(config),
  scheduler: new SchedulerClient(config),
  cloudwatch: new CloudWatchClient(config),
  quotas: new ServiceQuotasClient(config),
  dynamodb: new DynamoDBClient(config),
  cloudformation: new CloudFormationClient(config),
  ...capabilityClients,
};
const documents = DynamoDBDocumentClient.from(clients.dynamodb);

interface Case {
  client: keyof typeof clients | 'documents';
  protocol: CapturedRequest['protocol'];
  command: { input: unknown; constructor: { name: string } };
  queryNames?: Record<string, string>;
}

const on = (client: Case['client'], protocol: Case['protocol'], ...commands: Case['command'][]): Case[] =>
  commands.map((command) => ({ client, protocol, command }));

const teamKey = { pk: 'team#genomics', sk: 'member#ana' };
const put = dynamoExpressions({ exists: false });
const update = dynamoExpressions(
  { equals: ['role', 'member'] },
  { set: { role: 'admin', quota: { usd: 500 } }, add: { leases: 1 }, add_to_set: { groups: ['lab'] } },
);
const schedule = {
  Name: `stop-${INSTANCE}-weekday`,
  GroupName: 'cws-tui',
  ScheduleExpression: 'cron(0 19 ? * MON-FRI *)',
  ScheduleExpressionTimezone: 'Europe/Berlin',
  FlexibleTimeWindow: { Mode: 'OFF' as const },
  State: 'ENABLED' as const,
  Description: `cws-tui: stop ${INSTANCE}`,
  Target: {
    Arn: 'arn:aws:scheduler:::aws-sdk:ec2:stopInstances',
    RoleArn: `arn:aws:iam::${ACCOUNT}:role/cws-tui-scheduler`,
    Input: JSON.stringify({ InstanceIds: [INSTANCE] }),
  },
};
const dimensions = [{ Name: 'InstanceId', Value: INSTANCE }];
const metric = (Id: string, Namespace: string, MetricName: string) => ({
  Id,
  MetricStat: { Metric: { Namespace, MetricName, Dimensions: dimensions }, Period: 300, Stat: 'Average' },
});

/** Each command the IAM, STS, SSM, Pricing, Scheduler, CloudWatch, EBS, network, DynamoDB and quota adapters send, shaped as they send it. */
const cases: Case[] = [
  ...on(
    'cloudformation',
    'query',
    new CreateStackCommand({
      StackName: 'cws-hpc-lab',
      TemplateBody: '{}',
      TemplateURL:
        'https://us-east-1-aws-parallelcluster.s3.us-east-1.amazonaws.com/parallelcluster/3.16.1/templates/custom_resource/cluster.yaml',
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
      OnFailure: 'DO_NOTHING',
      Tags: managedTags,
    }),
    new UpdateStackCommand({ StackName: 'cws-hpc-lab', TemplateBody: '{}' }),
    new DeleteStackCommand({ StackName: 'cws-hpc-lab' }),
    new DescribeStacksCommand({ StackName: 'cws-hpc-lab' }),
    new DescribeStackEventsCommand({ StackName: 'lab' }),
    new GetTemplateCommand({ StackName: 'cws-hpc-lab', TemplateStage: 'Original' }),
  ),
  ...on(
    'dynamodb',
    'json',
    new GetItemCommand({
      TableName: 'parallelcluster-lab',
      Key: { Id: { S: 'COMPUTE_FLEET' } },
      ConsistentRead: true,
    }),
    new UpdateItemCommand({
      TableName: 'parallelcluster-lab',
      Key: { Id: { S: 'COMPUTE_FLEET' } },
      UpdateExpression: 'SET #d.#s = :s, #d.#t = :t',
      ExpressionAttributeNames: { '#d': 'Data', '#s': 'status', '#t': 'lastStatusUpdatedTime' },
      ExpressionAttributeValues: { ':s': { S: 'STOP_REQUESTED' }, ':t': { S: '2026-12-06T05:00:00Z' } },
    }),
  ),
  ...on(
    'iam',
    'query',
    new GetInstanceProfileCommand({ InstanceProfileName: ROLE }),
    new CreateInstanceProfileCommand({ InstanceProfileName: ROLE, Path: '/cws-tui/', Tags: managedTags }),
    new AddRoleToInstanceProfileCommand({ InstanceProfileName: ROLE, RoleName: ROLE }),
    new GetRoleCommand({ RoleName: ROLE }),
    new CreateRoleCommand({
      RoleName: ROLE,
      Path: '/cws-tui/',
      AssumeRolePolicyDocument: policy,
      Description: 'cws-tui workstations',
      Tags: managedTags,
    }),
    new ListAttachedRolePoliciesCommand({ RoleName: ROLE }),
    new AttachRolePolicyCommand({
      RoleName: ROLE,
      PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
    }),
    new GetRolePolicyCommand({ RoleName: ROLE, PolicyName: 'cws-tui-secrets' }),
    new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: 'cws-tui-secrets', PolicyDocument: policy }),
    new SimulatePrincipalPolicyCommand({
      PolicySourceArn: ROLE_ARN,
      ActionNames: ['ec2:RunInstances', 'iam:PassRole'],
    }),
  ),
  ...on('sts', 'query', new GetCallerIdentityCommand({})),
  ...on(
    'ssm',
    'json',
    new GetParameterCommand({ Name: '/aws/service/al2023/ami-kernel-default-x86_64' }),
    new GetParameterCommand({ Name: `/cws-tui/${INSTANCE}/jupyter-token`, WithDecryption: true }),
    new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: [INSTANCE] }] }),
    new SendCommandCommand({
      DocumentName: 'AWS-RunShellScript',
      InstanceIds: [INSTANCE],
      Comment: 'cws-tui: df -h',
      TimeoutSeconds: 60,
      Parameters: { commands: ['df -h'], executionTimeout: ['600'] },
    }),
    new GetCommandInvocationCommand({ CommandId: '4b1c-8f2e', InstanceId: INSTANCE }),
  ),
  ...on(
    'pricing',
    'json',
    new GetProductsCommand({
      ServiceCode: 'AmazonEC2',
      FormatVersion: 'aws_v1',
      Filters: [
        { Type: 'TERM_MATCH', Field: 'regionCode', Value: 'us-east-1' },
        { Type: 'TERM_MATCH', Field: 'instanceType', Value: 'm7i.large' },
      ],
      MaxResults: 100,
      NextToken: 'page-2',
    }),
  ),
  ...on('quotas', 'json', new GetServiceQuotaCommand({ ServiceCode: 'ec2', QuotaCode: 'L-1216C47A' })),
  ...on(
    'scheduler',
    'rest-json',
    new ListSchedulesCommand({ GroupName: 'cws-tui' }),
    new GetScheduleCommand({ Name: schedule.Name, GroupName: 'cws-tui' }),
    new CreateScheduleCommand(schedule),
    new UpdateScheduleCommand({ ...schedule, State: 'DISABLED' }),
    new DeleteScheduleCommand({ Name: schedule.Name, GroupName: 'cws-tui' }),
    new CreateScheduleGroupCommand({ Name: 'cws-tui', Tags: managedTags }),
  ),
  ...on(
    'cloudwatch',
    'json',
    new GetMetricDataCommand({
      MetricDataQueries: [
        metric('cpu', 'AWS/EC2', 'CPUUtilization'),
        metric('mem', 'CWAgent', 'mem_used_percent'),
      ],
      StartTime: new Date('2026-12-05T00:00:00Z'),
      EndTime: new Date('2026-12-06T00:00:00Z'),
      ScanBy: 'TimestampAscending',
    }),
  ),
  ...on('ec2', 'ec2-query', ...ec2Requests),
  { client: 'ec2', protocol: 'ec2-query', ...createSecurityGroup },
  ...on(
    'dynamodb',
    'json',
    new CreateTableCommand({
      TableName: 'cws-team',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      DeletionProtectionEnabled: true,
      Tags: managedTags,
    }),
    new UpdateContinuousBackupsCommand({
      TableName: 'cws-team',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    }),
    new DescribeTableCommand({ TableName: 'cws-team' }),
    new DescribeContinuousBackupsCommand({ TableName: 'cws-team' }),
  ),
  ...on(
    'documents',
    'json',
    new GetCommand({ TableName: 'cws-team', Key: teamKey, ConsistentRead: true }),
    new QueryCommand({
      TableName: 'cws-team',
      ConsistentRead: true,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': teamKey.pk, ':prefix': 'member#' },
      ExclusiveStartKey: teamKey,
    }),
    new PutCommand({
      TableName: 'cws-team',
      Item: { ...teamKey, role: 'member', uid: 5001, quota: { usd: 500 }, groups: ['lab'] },
      ConditionExpression: put.condition,
    }),
    new UpdateCommand({
      TableName: 'cws-team',
      Key: teamKey,
      UpdateExpression: update.update,
      ConditionExpression: update.condition,
      ExpressionAttributeNames: update.names,
      ExpressionAttributeValues: update.values,
      ReturnValues: 'ALL_NEW',
    }),
    new DeleteCommand({ TableName: 'cws-team', Key: teamKey, ReturnValues: 'ALL_OLD' }),
  ),
  ...capabilityCases,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'demo' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every command class the AWS adapters send, directly or through a paginator. */
function commandsInSource(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles('source/aws')) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/new (\w+Command)\(/g)) names.add(match[1] ?? '');
    for (const match of text.matchAll(/paginate(\w+)\(/g)) names.add(`${match[1]}Command`);
  }
  return names;
}

afterAll(() => {
  for (const client of Object.values(clients)) client.destroy();
});

describe('the request every other AWS adapter command puts on the wire', () => {
  it('covers every command class under source/aws, with the EC2, EFS, SageMaker and Cost Explorer recording', () => {
    const recorded = readFileSync('test/aws/requestShape.test.ts', 'utf8');
    const covered = new Set([
      ...cases.map((entry) => entry.command.constructor.name),
      ...[...recorded.matchAll(/\.on\((\w+Command)\)/g)].map((match) => match[1] ?? ''),
    ]);
    const uncovered = [...commandsInSource()].filter((name) => !covered.has(name)).sort();
    expect(uncovered).toEqual([]);
    expect(covered.size).toBeGreaterThanOrEqual(90);
  });

  it.each(cases.map((entry) => [entry.command.constructor.name, entry] as const))(
    '%s keeps every field of its input',
    async (_name, entry) => {
      const client = entry.client === 'documents' ? documents : clients[entry.client];
      const request = await serialize(client, entry.command);
      const captured = { protocol: entry.protocol, request, queryNames: entry.queryNames };
      expect(missingFields(entry.command.input, captured)).toEqual([]);
    },
  );

  it('would catch an unknown field in the query protocol and inside a DynamoDB document', async () => {
    const role = { RoleName: ROLE, MaxSessionDurationSeconds: 3600 } as never;
    const iamRequest = await serialize(clients.iam, new CreateRoleCommand(role));
    expect(missingFields(role, { protocol: 'query', request: iamRequest })).toEqual([
      'MaxSessionDurationSeconds',
    ]);
    const item = { TableName: 'cws-team', Item: { ...teamKey, quota: { usd: 500 } } };
    const request = await serialize(documents, new PutCommand(item));
    expect(missingFields(item, { protocol: 'json', request })).toEqual([]);
    expect(
      missingFields({ ...item, Item: { ...item.Item, quota: { eur: 1 } } }, { protocol: 'json', request }),
    ).toEqual(['Item.quota.eur']);
  });
});
