import {
  AddRoleToInstanceProfileCommand,
  type AddRoleToInstanceProfileCommandInput,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  type CreateInstanceProfileCommandInput,
  CreateRoleCommand,
  type CreateRoleCommandInput,
  GetInstanceProfileCommand,
  type GetInstanceProfileCommandInput,
  GetRoleCommand,
  type GetRoleCommandInput,
  GetRolePolicyCommand,
  type GetRolePolicyCommandInput,
  type IAMClient,
  type InstanceProfile,
  ListAttachedRolePoliciesCommand,
  NoSuchEntityException,
  PutRolePolicyCommand,
  type PutRolePolicyCommandInput,
  type Role,
  SimulatePrincipalPolicyCommand,
  type SimulatePrincipalPolicyCommandInput,
} from '@aws-sdk/client-iam';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import { awsServiceError } from '../aws/awsServiceError.js';

/**
 * The IAM half of one scripted account: roles, instance profiles and inline policies as the app
 * creates them, NoSuchEntity for what is missing, and a policy simulator the caller may be denied.
 */
export class ScriptedIam {
  readonly roles: Role[] = [];
  readonly profiles: InstanceProfile[] = [];
  readonly rolePolicies = new Map<string, string>();
  /** Whether the caller may call iam:SimulatePrincipalPolicy (many SSO permission sets may not). */
  maySimulate = true;

  constructor(
    private readonly accountId: string,
    private readonly callerArn: string,
  ) {}

  install(iam: AwsClientStub<IAMClient>): void {
    const ACCOUNT_ID = this.accountId;
    const CALLER_ARN = this.callerArn;
    const noSuch = (what: string) =>
      new NoSuchEntityException({
        message: `The ${what} cannot be found.`,
        $metadata: { httpStatusCode: 404 },
      });
    iam.on(SimulatePrincipalPolicyCommand).callsFake(async (input: SimulatePrincipalPolicyCommandInput) => {
      if (!this.maySimulate) {
        throw Object.assign(
          awsServiceError(
            'AccessDenied',
            `User: ${CALLER_ARN} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${input.PolicySourceArn}`,
            403,
          ),
        );
      }
      return {
        EvaluationResults: (input.ActionNames ?? []).map((EvalActionName) => ({
          EvalActionName,
          EvalResourceName: '*',
          EvalDecision: 'allowed' as const,
        })),
      };
    });
    iam.on(GetRoleCommand).callsFake(async (input: GetRoleCommandInput) => {
      const role = this.roles.find((candidate) => candidate.RoleName === input.RoleName);
      if (!role) throw noSuch(`role with name ${input.RoleName}`);
      return { Role: role };
    });
    iam.on(CreateRoleCommand).callsFake(async (input: CreateRoleCommandInput) => {
      const role: Role = {
        RoleName: input.RoleName,
        Path: input.Path ?? '/',
        RoleId: 'AROAWORKSTATIONROLE01',
        Arn: `arn:aws:iam::${ACCOUNT_ID}:role${input.Path ?? '/'}${input.RoleName}`,
        CreateDate: new Date(),
      };
      this.roles.push(role);
      return { Role: role };
    });
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] });
    iam.on(AttachRolePolicyCommand).resolves({});
    iam.on(GetRolePolicyCommand).callsFake(async (input: GetRolePolicyCommandInput) => {
      const document = this.rolePolicies.get(`${input.RoleName}/${input.PolicyName}`);
      if (!document) throw noSuch('role policy');
      return {
        RoleName: input.RoleName,
        PolicyName: input.PolicyName,
        PolicyDocument: encodeURIComponent(document),
      };
    });
    iam.on(PutRolePolicyCommand).callsFake(async (input: PutRolePolicyCommandInput) => {
      this.rolePolicies.set(`${input.RoleName}/${input.PolicyName}`, input.PolicyDocument ?? '');
      return {};
    });
    iam.on(GetInstanceProfileCommand).callsFake(async (input: GetInstanceProfileCommandInput) => {
      const profile = this.profiles.find(
        (candidate) => candidate.InstanceProfileName === input.InstanceProfileName,
      );
      if (!profile) throw noSuch(`instance profile ${input.InstanceProfileName}`);
      return { InstanceProfile: profile };
    });
    iam.on(CreateInstanceProfileCommand).callsFake(async (input: CreateInstanceProfileCommandInput) => {
      const profile: InstanceProfile = {
        InstanceProfileName: input.InstanceProfileName,
        Path: input.Path ?? '/',
        InstanceProfileId: 'AIPAWORKSTATIONPROF01',
        Arn: `arn:aws:iam::${ACCOUNT_ID}:instance-profile${input.Path ?? '/'}${input.InstanceProfileName}`,
        CreateDate: new Date(),
        Roles: [],
      };
      this.profiles.push(profile);
      return { InstanceProfile: profile };
    });
    iam.on(AddRoleToInstanceProfileCommand).callsFake(async (input: AddRoleToInstanceProfileCommandInput) => {
      const profile = this.profiles.find(
        (candidate) => candidate.InstanceProfileName === input.InstanceProfileName,
      );
      const role = this.roles.find((candidate) => candidate.RoleName === input.RoleName);
      if (profile && role) profile.Roles = [role];
      return {};
    });
  }
}
