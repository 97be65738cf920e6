import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';

/** The mocked IAM the role tests share: one client, IAM's not-found error, a fresh account. */
export const iamMock = mockClient(IAMClient);
export const iam = new IAMClient({
  region: 'us-east-1',
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});

export const noSuchEntity = (what: string) =>
  new NoSuchEntityException({ message: `The ${what} cannot be found.`, $metadata: {} });

/** The ARN of one of the app's roles, under its `/cws-tui/` path. */
export const appRoleArn = (name: string) => `arn:aws:iam::123456789012:role/cws-tui/${name}`;

/** A clean mock where writing a role's policies succeeds and no managed policy is attached yet. */
export function mockRoleWrites(): void {
  iamMock.reset();
  iamMock.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] });
  iamMock.on(AttachRolePolicyCommand).resolves({});
  iamMock.on(PutRolePolicyCommand).resolves({});
}

/** A fresh account: no app role or inline policy yet, and CreateRole answers with the role it made. */
export function mockFreshAppRoles(): void {
  mockRoleWrites();
  iamMock.on(GetRoleCommand).rejects(noSuchEntity('role'));
  iamMock.on(GetRolePolicyCommand).rejects(noSuchEntity('role policy'));
  iamMock.on(CreateRoleCommand).callsFake(async (input: { RoleName: string }) => ({
    Role: {
      RoleName: input.RoleName,
      Path: '/cws-tui/',
      RoleId: 'AROAEXAMPLE',
      Arn: appRoleArn(input.RoleName),
      CreateDate: new Date(0),
    },
  }));
}
