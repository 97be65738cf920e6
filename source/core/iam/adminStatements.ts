import { adminFeatureStatements } from './adminFeatureStatements.js';
import type { PolicyStatement } from './PolicyDocument.js';
import { policyArn as arn } from './policyArn.js';
import { SERVICE_TOKEN_ACTIONS, serviceTokenParameters } from './serviceTokenParameters.js';

/** What an admin may do beyond a member: every workstation, the app's roles, networks and Studio domains. */
export function adminStatements(partition: string): PolicyStatement[] {
  return [
    {
      Sid: 'ManageEveryWorkstation',
      Effect: 'Allow',
      Action: [
        'ec2:StartInstances',
        'ec2:StopInstances',
        'ec2:TerminateInstances',
        'ec2:CreateTags',
        'ec2:DeleteTags',
        'ec2:CancelSpotInstanceRequests',
        'ssm:StartSession',
      ],
      Resource: [arn(partition, 'ec2', '*'), arn(partition, 'ssm', 'managed-instance/*')],
    },
    {
      Sid: 'LaunchForAnyMember',
      Effect: 'Allow',
      Action: 'ec2:RunInstances',
      Resource: arn(partition, 'ec2', '*'),
    },
    {
      Sid: 'MakeTheAppRoles',
      Effect: 'Allow',
      Action: [
        'iam:CreateRole',
        'iam:TagRole',
        'iam:AttachRolePolicy',
        'iam:PutRolePolicy',
        'iam:CreateInstanceProfile',
        'iam:TagInstanceProfile',
        'iam:AddRoleToInstanceProfile',
        'iam:GetRole',
        'iam:PassRole',
      ],
      Resource: [
        arn(partition, 'iam', 'role/cws-tui/*', '', '*'),
        arn(partition, 'iam', 'instance-profile/cws-tui/*', '', '*'),
        arn(partition, 'iam', 'role/cws-tui-sagemaker-execution', '', '*'),
      ],
    },
    {
      Sid: 'MakeANetwork',
      Effect: 'Allow',
      Action: [
        'ec2:CreateVpc',
        'ec2:ModifyVpcAttribute',
        'ec2:DescribeVpcAttribute',
        'ec2:CreateSubnet',
        'ec2:ModifySubnetAttribute',
        'ec2:CreateInternetGateway',
        'ec2:AttachInternetGateway',
        'ec2:CreateRoute',
      ],
      Resource: '*',
    },
    {
      Sid: 'StudioDomains',
      Effect: 'Allow',
      Action: [
        'sagemaker:CreateDomain',
        'sagemaker:UpdateDomain',
        'sagemaker:DeleteDomain',
        'sagemaker:DeleteUserProfile',
      ],
      Resource: arn(partition, 'sagemaker', '*'),
    },
    { Sid: 'Doctor', Effect: 'Allow', Action: 'iam:SimulatePrincipalPolicy', Resource: '*' },
    // An admin reads any workstation's tokens, as before members were kept to their own.
    {
      Sid: 'EveryWorkstationServiceTokens',
      Effect: 'Allow',
      Action: SERVICE_TOKEN_ACTIONS,
      Resource: serviceTokenParameters(partition),
    },
    ...adminFeatureStatements(partition),
  ];
}
