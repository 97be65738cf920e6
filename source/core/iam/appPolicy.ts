import { adminStatements } from './adminStatements.js';
import {
  MEMBER_CREATE_ACTIONS,
  MEMBER_CREATED_RESOURCES,
  MEMBER_OPERATION_SIDS,
  MEMBER_OWN_RESOURCE_ACTIONS,
  memberOperationStatements,
  READ_ACTIONS_WITHOUT_RESOURCES,
} from './memberOperationStatements.js';
import type { PolicyDocument, PolicyStatement } from './PolicyDocument.js';
import { policyArn as arn } from './policyArn.js';
import { SERVICE_TOKEN_ACTIONS, serviceTokenParameters } from './serviceTokenParameters.js';

// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, resolved by IAM
const MEMBER = '${aws:PrincipalTag/cws:research-user}';
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, resolved by IAM
const CALLER_ID = '${aws:userid}';

// Describe calls only read; listing each one would cost room under IAM's size limit.
const READ_ACTIONS = [
  'ec2:Describe*',
  'elasticfilesystem:Describe*',
  'sts:GetCallerIdentity',
  'ec2:GetConsoleOutput',
  'sagemaker:Describe*',
  'sagemaker:List*',
  'pricing:GetProducts',
  'ce:GetCostAndUsage',
  'servicequotas:GetServiceQuota',
  ...READ_ACTIONS_WITHOUT_RESOURCES,
];

function memberStatements(partition: string, teamTable?: string): PolicyStatement[] {
  return [
    ...memberOperationStatements(partition, teamTable),
    { Sid: 'Read', Effect: 'Allow', Action: READ_ACTIONS, Resource: '*' },
    {
      Sid: 'PublicImageParameters',
      Effect: 'Allow',
      Action: ['ssm:GetParameter', 'ssm:GetParameters'],
      Resource: arn(partition, 'ssm', 'parameter/aws/service/*', '*', ''),
    },
    {
      Sid: 'LaunchOwnWorkstations',
      Effect: 'Allow',
      Action: ['ec2:RunInstances', ...MEMBER_CREATE_ACTIONS.map((action) => `ec2:${action}`)],
      Resource: ['instance/*', ...MEMBER_CREATED_RESOURCES].map((resource) =>
        arn(partition, 'ec2', resource),
      ),
      Condition: {
        StringEquals: { 'aws:RequestTag/cws:research-user': MEMBER, 'aws:RequestTag/cws:managed': 'true' },
      },
    },
    {
      Sid: 'LaunchWithSharedResources',
      Effect: 'Allow',
      Action: 'ec2:RunInstances',
      Resource: [
        'image/*',
        'subnet/*',
        'network-interface/*',
        'security-group/*',
        'key-pair/*',
        'spot-instances-request/*',
      ].map((resource) => arn(partition, 'ec2', resource)),
    },
    {
      Sid: 'TagAtCreation',
      Effect: 'Allow',
      Action: 'ec2:CreateTags',
      Resource: [
        'instance/*',
        ...MEMBER_CREATED_RESOURCES,
        'spot-instances-request/*',
        'security-group/*',
        'security-group-rule/*',
        'key-pair/*',
      ].map((resource) => arn(partition, 'ec2', resource)),
      Condition: {
        StringEquals: {
          'ec2:CreateAction': [
            'RunInstances',
            'CreateSecurityGroup',
            'AuthorizeSecurityGroupIngress',
            'ImportKeyPair',
            ...MEMBER_CREATE_ACTIONS,
          ],
        },
      },
    },
    {
      Sid: 'ManageOwnWorkstations',
      Effect: 'Allow',
      Action: [
        'ec2:StartInstances',
        'ec2:StopInstances',
        'ec2:TerminateInstances',
        'ec2:CreateTags',
        'ec2:DeleteTags',
        'ssm:StartSession',
        ...MEMBER_OWN_RESOURCE_ACTIONS,
        ...SERVICE_TOKEN_ACTIONS,
      ],
      // Every EC2 resource the member's launches, volumes and snapshots tag with their name, and
      // the service tokens their workstations store (one statement: room under the size limit).
      Resource: [
        arn(partition, 'ec2', '*'),
        arn(partition, 'ssm', 'managed-instance/*'),
        serviceTokenParameters(partition),
      ],
      Condition: { StringEquals: { 'aws:ResourceTag/cws:research-user': MEMBER } },
    },
    {
      Sid: 'KeepOwnershipTags',
      Effect: 'Deny',
      Action: ['ec2:CreateTags', 'ec2:DeleteTags'],
      Resource: arn(partition, 'ec2', '*'),
      Condition: {
        'ForAnyValue:StringEquals': { 'aws:TagKeys': ['cws:owner', 'cws:research-user', 'cws:managed'] },
        Null: { 'ec2:CreateAction': 'true' },
      },
    },
    {
      Sid: 'SessionManager',
      Effect: 'Allow',
      Action: 'ssm:StartSession',
      Resource: ['AWS-StartPortForwardingSession', 'SSM-SessionManagerRunShell'].map((name) =>
        arn(partition, 'ssm', `document/${name}`, '*', ''),
      ),
    },
    {
      Sid: 'OwnSessions',
      Effect: 'Allow',
      Action: ['ssm:TerminateSession', 'ssm:ResumeSession'],
      Resource: arn(partition, 'ssm', `session/${CALLER_ID}-*`),
    },
    {
      Sid: 'AppSecurityGroupAndKeys',
      Effect: 'Allow',
      Action: [
        'ec2:CreateSecurityGroup',
        'ec2:AuthorizeSecurityGroupIngress',
        'ec2:RevokeSecurityGroupIngress',
        'ec2:ImportKeyPair',
      ],
      Resource: ['security-group/*', 'security-group-rule/*', 'vpc/*', 'key-pair/*'].map((resource) =>
        arn(partition, 'ec2', resource),
      ),
    },
    {
      Sid: 'SharedStorage',
      Effect: 'Allow',
      Action: [
        'elasticfilesystem:CreateFileSystem',
        'elasticfilesystem:CreateMountTarget',
        'elasticfilesystem:CreateAccessPoint',
        'elasticfilesystem:TagResource',
      ],
      Resource: ['file-system/*', 'access-point/*'].map((resource) =>
        arn(partition, 'elasticfilesystem', resource),
      ),
    },
    {
      Sid: 'WorkstationRole',
      Effect: 'Allow',
      Action: ['iam:GetRole', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies', 'iam:GetInstanceProfile'],
      Resource: [
        arn(partition, 'iam', 'role/cws-tui/*', '', '*'),
        arn(partition, 'iam', 'instance-profile/cws-tui/*', '', '*'),
      ],
    },
    {
      // The workstation role to EC2, the idle schedules' role to EventBridge Scheduler.
      Sid: 'PassAppRolesToTheirServices',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: ['cws-tui-workstation', 'cws-tui-scheduler'].map((role) =>
        arn(partition, 'iam', `role/cws-tui/${role}`, '', '*'),
      ),
      Condition: {
        StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'scheduler.amazonaws.com'] },
      },
    },
    {
      Sid: 'StudioApps',
      Effect: 'Allow',
      Action: [
        'sagemaker:CreateUserProfile',
        'sagemaker:CreateSpace',
        'sagemaker:DeleteSpace',
        'sagemaker:CreateApp',
        'sagemaker:DeleteApp',
        'sagemaker:CreatePresignedDomainUrl',
        'sagemaker:AddTags',
      ],
      Resource: arn(partition, 'sagemaker', '*'),
    },
  ];
}

/** Member statements an admin's own statements cover (or, for ownership tags, must not have). */
const SUPERSEDED_FOR_ADMINS = new Set([
  ...MEMBER_OPERATION_SIDS,
  'ManageOwnWorkstations',
  'KeepOwnershipTags',
  'LaunchOwnWorkstations',
  'LaunchWithSharedResources',
]);

/**
 * The least-privilege identity policy for a member or an admin of the lab, generated from the
 * same list of calls the adapters make (`cws-tui iam policy --for user|admin`). A member's team
 * store statements name the lab's table, so they are there only when `teamTable` is given.
 */
export function appPolicyFor(role: 'user' | 'admin', partition = 'aws', teamTable?: string): PolicyDocument {
  const member = memberStatements(partition, teamTable);
  return {
    Version: '2012-10-17',
    Statement:
      role === 'user'
        ? member
        : [
            // LaunchForAnyMember grants RunInstances on every EC2 resource: the member's narrower
            // launch statements would only take room under IAM's size limit.
            ...member.filter((statement) => !SUPERSEDED_FOR_ADMINS.has(statement.Sid ?? '')),
            ...adminStatements(partition),
          ],
  };
}
