import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  EntityAlreadyExistsException,
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMServiceException,
  ListAttachedRolePoliciesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  SSM_MANAGED_POLICY_ARN,
  WORKSTATION_INLINE_POLICY,
  WORKSTATION_INLINE_POLICY_NAME,
} from '../../source/aws/iamWorkstationRole.js';
import { iam, iamMock, noSuchEntity } from './iamFixtures.js';

/** The IAM answers the workstation-role tests share: a fresh account, a prepared one, IAM's errors. */
export { iam, iamMock, noSuchEntity };

export const ROLE_ARN = 'arn:aws:iam::123456789012:role/cws-tui/cws-tui-workstation';
export const PROFILE_ARN = 'arn:aws:iam::123456789012:instance-profile/cws-tui/cws-tui-workstation';
export const role = {
  RoleName: 'cws-tui-workstation',
  Path: '/cws-tui/',
  RoleId: 'AROAEXAMPLEROLEID0001',
  Arn: ROLE_ARN,
  CreateDate: new Date('2026-11-01T00:00:00Z'),
};
export const instanceProfile = (roles: (typeof role)[]) => ({
  InstanceProfileName: 'cws-tui-workstation',
  Path: '/cws-tui/',
  InstanceProfileId: 'AIPAEXAMPLEPROFILE001',
  Arn: PROFILE_ARN,
  CreateDate: new Date('2026-11-01T00:00:00Z'),
  Roles: roles,
});
export const alreadyExists = (what: string) =>
  new EntityAlreadyExistsException({ message: `${what} already exists.`, $metadata: {} });
export const accessDenied = (action: string, resource: string) =>
  new IAMServiceException({
    name: 'AccessDenied',
    $fault: 'client',
    message: `User: arn:aws:iam::123456789012:user/ana is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
    $metadata: { httpStatusCode: 403 },
  });

/** Nothing exists yet: every look-up misses and every create succeeds. */
export function emptyAccount(): void {
  iamMock.on(GetRoleCommand).rejects(noSuchEntity('role with name cws-tui-workstation'));
  iamMock.on(CreateRoleCommand).resolves({ Role: role });
  iamMock.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] });
  iamMock.on(AttachRolePolicyCommand).resolves({});
  iamMock.on(GetRolePolicyCommand).rejects(noSuchEntity('role policy'));
  iamMock.on(PutRolePolicyCommand).resolves({});
  iamMock.on(GetInstanceProfileCommand).rejects(noSuchEntity('instance profile'));
  iamMock.on(CreateInstanceProfileCommand).resolves({ InstanceProfile: instanceProfile([]) });
  iamMock.on(AddRoleToInstanceProfileCommand).resolves({});
}

/** Everything the app needs is already there, as a previous session left it. */
export function preparedAccount(): void {
  iamMock.on(GetRoleCommand).resolves({ Role: role });
  iamMock.on(ListAttachedRolePoliciesCommand).resolves({
    AttachedPolicies: [{ PolicyName: 'AmazonSSMManagedInstanceCore', PolicyArn: SSM_MANAGED_POLICY_ARN }],
  });
  // IAM hands the document back URL-encoded, and not necessarily spaced as it was sent.
  iamMock.on(GetRolePolicyCommand).resolves({
    RoleName: 'cws-tui-workstation',
    PolicyName: WORKSTATION_INLINE_POLICY_NAME,
    PolicyDocument: encodeURIComponent(JSON.stringify(JSON.parse(WORKSTATION_INLINE_POLICY), null, 2)),
  });
  iamMock.on(GetInstanceProfileCommand).resolves({ InstanceProfile: instanceProfile([role]) });
}
