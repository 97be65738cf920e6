import type { S3Location } from './ports.js';

/** The EMR Studio service role's name: one per account, shared by the lab's Studios. */
export const STUDIO_ROLE_NAME = 'cws-tui-emr-studio-service';

/**
 * The Studio service role's inline policies: the network interfaces Studio makes for workspaces in
 * the VPC (only on resources it tags for EMR), and the workspace prefix of the staging bucket.
 */
export function studioRoleInlinePolicies(workspaces: S3Location, partition = 'aws'): Record<string, string> {
  const bucket = `arn:${partition}:s3:::${workspaces.bucket}`;
  return {
    'studio-network': JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Describe',
          Effect: 'Allow',
          Action: [
            'ec2:DescribeNetworkInterfaces',
            'ec2:DescribeSecurityGroups',
            'ec2:DescribeSubnets',
            'ec2:DescribeVpcs',
            'ec2:DescribeInstances',
            'elasticmapreduce:ListInstances',
            'elasticmapreduce:DescribeCluster',
            'elasticmapreduce:ListSteps',
          ],
          Resource: ['*'],
        },
        {
          Sid: 'WorkspaceInterfaces',
          Effect: 'Allow',
          Action: [
            'ec2:CreateNetworkInterface',
            'ec2:CreateNetworkInterfacePermission',
            'ec2:DeleteNetworkInterface',
            'ec2:ModifyNetworkInterfaceAttribute',
            'ec2:CreateTags',
          ],
          Resource: ['*'],
          Condition: {
            StringEquals: { 'aws:ResourceTag/for-use-with-amazon-emr-managed-policies': ['true'] },
          },
        },
      ],
    }),
    'studio-workspaces': JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'WorkspaceObjects',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:GetEncryptionConfiguration'],
          Resource: [`${bucket}/${workspaces.key}*`],
        },
        {
          Sid: 'WorkspaceList',
          Effect: 'Allow',
          Action: ['s3:ListBucket'],
          Resource: [bucket],
          Condition: { StringLike: { 's3:prefix': [`${workspaces.key}*`] } },
        },
      ],
    }),
  };
}
