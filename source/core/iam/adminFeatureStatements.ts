import type { PolicyStatement } from './PolicyDocument.js';
import { policyArn as arn } from './policyArn.js';

/**
 * What the admin's volumes, snapshots, images, resizes, idle schedules, remote commands, metrics,
 * file system clean-up and team store call (the test holds every action the adapters name to it);
 * the reads that answer only for every resource are in everyone's `Read`.
 */
export function adminFeatureStatements(partition: string): PolicyStatement[] {
  return [
    {
      Sid: 'VolumesSnapshotsImages',
      Effect: 'Allow',
      Action: [
        'ec2:*Volume',
        'ec2:*Snapshot',
        'ec2:CreateImage',
        'ec2:CreateReplaceRootVolumeTask',
        'ec2:ModifyInstanceAttribute',
      ],
      Resource: '*',
    },
    {
      // Deleting a file system, or moving its files to Infrequent Access, is the lab's decision.
      Sid: 'FileSystemCleanUp',
      Effect: 'Allow',
      Action: ['elasticfilesystem:Delete*', 'elasticfilesystem:PutLifecycleConfiguration'],
      Resource: arn(partition, 'elasticfilesystem', '*'),
    },
    {
      Sid: 'IdleSchedules',
      Effect: 'Allow',
      Action: ['scheduler:CreateScheduleGroup', 'scheduler:TagResource', 'scheduler:*Schedule'],
      Resource: [
        arn(partition, 'scheduler', 'schedule-group/cws-tui'),
        arn(partition, 'scheduler', 'schedule/cws-tui/*'),
      ],
    },
    {
      Sid: 'RemoteCommands',
      Effect: 'Allow',
      Action: ['ssm:SendCommand', 'ssm:GetCommandInvocation'],
      Resource: [arn(partition, 'ec2', 'instance/*'), arn(partition, 'ssm', '*')],
    },
    {
      Sid: 'TeamStore',
      Effect: 'Allow',
      Action: [
        'dynamodb:CreateTable',
        'dynamodb:TagResource',
        'dynamodb:DescribeTable',
        'dynamodb:UpdateContinuousBackups',
        'dynamodb:*Item',
        'dynamodb:Query',
      ],
      Resource: arn(partition, 'dynamodb', 'table/*'),
    },
  ];
}
