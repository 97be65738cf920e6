import type { PolicyStatement } from './PolicyDocument.js';
import { policyArn as arn } from './policyArn.js';

/** Team store items members only read: the lab's budgets (`team budget` is admin-only) and its format. */
export const MEMBER_READ_ONLY_TEAM_KEYS = ['BUDGET', 'META'];

/** On the member's own instances, volumes, snapshots and spot requests (`ManageOwnWorkstations`). */
export const MEMBER_OWN_RESOURCE_ACTIONS = [
  'ec2:AttachVolume',
  'ec2:DetachVolume',
  'ec2:DeleteVolume',
  'ec2:CreateSnapshot',
  'ec2:DeleteSnapshot',
  'ec2:CreateImage',
  'ec2:CreateReplaceRootVolumeTask',
  'ec2:ModifyInstanceAttribute',
  'ec2:CancelSpotInstanceRequests',
  'ssm:SendCommand',
];

/** Created tagged with the member's own name (`LaunchOwnWorkstations`, `TagAtCreation`). */
export const MEMBER_CREATED_RESOURCES = ['volume/*', 'snapshot/*', 'image/*'];
export const MEMBER_CREATE_ACTIONS = ['CreateVolume', 'CreateSnapshot', 'CreateImage'];

/** These answer only for every resource: IAM has no narrower form of them (volumes and snapshots are read by `ec2:Describe*`). */
export const READ_ACTIONS_WITHOUT_RESOURCES = [
  'ssm:GetCommandInvocation',
  'ssm:DescribeInstanceInformation',
  'cloudwatch:GetMetricData',
  'scheduler:ListSchedules',
];

/**
 * What a member's own day-to-day commands call (exec, logs, idle apply and schedule, volumes,
 * snapshots, image save, resize, rightsize, the team store) beyond the launch statements: the
 * actions on their own resources join `ManageOwnWorkstations` (`aws:ResourceTag`), their
 * creations `LaunchOwnWorkstations` (`aws:RequestTag`). A call that names several resources needs
 * each allowed, so what it creates untagged or shares has its own statement here. The admin's
 * `adminFeatureStatements` grant all of it on every resource instead.
 */
export function memberOperationStatements(partition: string, teamTable?: string): PolicyStatement[] {
  const ec2 = (resource: string) => arn(partition, 'ec2', resource);
  const statements: PolicyStatement[] = [
    {
      // The task a root restore creates carries no tag, and the document is AWS's: the instance is checked.
      Sid: 'RootRestoreTaskAndRunShellScript',
      Effect: 'Allow',
      Action: ['ec2:CreateReplaceRootVolumeTask', 'ssm:SendCommand'],
      Resource: [
        ec2('replace-root-volume-task/*'),
        arn(partition, 'ssm', 'document/AWS-RunShellScript', '*', ''),
      ],
    },
    {
      Sid: 'IdleSchedules',
      Effect: 'Allow',
      // Creating the group with its tag needs scheduler:TagResource too.
      Action: [
        'scheduler:CreateScheduleGroup',
        'scheduler:TagResource',
        'scheduler:GetSchedule',
        'scheduler:CreateSchedule',
        'scheduler:UpdateSchedule',
        'scheduler:DeleteSchedule',
      ],
      Resource: [
        arn(partition, 'scheduler', 'schedule-group/cws-tui'),
        arn(partition, 'scheduler', 'schedule/cws-tui/*'),
      ],
    },
  ];
  if (teamTable === undefined) return statements;
  const table = arn(partition, 'dynamodb', `table/${teamTable}`);
  const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];
  return [
    ...statements,
    {
      Sid: 'TeamStore',
      Effect: 'Allow',
      Action: ['dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query', ...writes],
      Resource: table,
    },
    {
      Sid: 'TeamStoreBudgetsReadOnly',
      Effect: 'Deny',
      Action: writes,
      Resource: table,
      Condition: { 'ForAnyValue:StringEquals': { 'dynamodb:LeadingKeys': MEMBER_READ_ONLY_TEAM_KEYS } },
    },
  ];
}

/** Sids of the statements above, which the admin's broader ones replace. */
export const MEMBER_OPERATION_SIDS = [
  'RootRestoreTaskAndRunShellScript',
  'IdleSchedules',
  'TeamStore',
  'TeamStoreBudgetsReadOnly',
];
