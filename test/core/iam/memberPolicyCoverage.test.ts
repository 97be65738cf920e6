import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCommand } from '../../../source/commands/registry.js';
import { appPolicyFor } from '../../../source/core/iam/appPolicy.js';
import { MANAGED_POLICY_MAX_CHARS, managedPolicySize } from '../../../source/core/iam/managedPolicySize.js';
import { MEMBER_READ_ONLY_TEAM_KEYS } from '../../../source/core/iam/memberOperationStatements.js';
import type { PolicyStatement } from '../../../source/core/iam/PolicyDocument.js';
import { validatePolicyDocument } from '../../../source/core/iam/validatePolicyDocument.js';
import { actionsInAdapters, grants, statementsGranting, withDependents } from './adapterActions.js';

/**
 * The calls only an admin's commands make, with the command and the adapter that makes the call.
 * Everything else an adapter calls is reachable from a member's commands (list, launch, lifecycle,
 * connect, exec, logs, idle, volumes, snapshot, image, resize, rightsize, storage create, services
 * launch, invite, team status), so the member policy must grant it.
 */
const ADMIN_ONLY: Array<[command: string, adapter: string, actions: string[]]> = [
  [
    'network create',
    'network/createEc2Network.ts',
    [
      'ec2:CreateVpc',
      'ec2:ModifyVpcAttribute',
      'ec2:CreateSubnet',
      'ec2:ModifySubnetAttribute',
      'ec2:CreateInternetGateway',
      'ec2:AttachInternetGateway',
      'ec2:CreateRoute',
    ],
  ],
  ['team init', 'dynamodb/teamTable.ts', ['dynamodb:CreateTable', 'dynamodb:UpdateContinuousBackups']],
  // The app's roles are made once per account by an admin's first launch or schedule.
  ['launch', 'ensureServiceRole.ts', ['iam:CreateRole', 'iam:AttachRolePolicy', 'iam:PutRolePolicy']],
  ['launch', 'ensureInstanceProfile.ts', ['iam:CreateInstanceProfile', 'iam:AddRoleToInstanceProfile']],
  // The lab's Studio domain is set up and removed by an admin; members add apps to it.
  [
    'services',
    'sagemaker/StudioDomains.ts',
    ['sagemaker:CreateDomain', 'sagemaker:UpdateDomain', 'sagemaker:DeleteDomain'],
  ],
  ['services', 'sagemaker/SageMakerStudio.ts', ['sagemaker:DeleteUserProfile']],
  [
    'storage delete',
    'efsMountTargets.ts',
    [
      'elasticfilesystem:DeleteFileSystem',
      'elasticfilesystem:DeleteMountTarget',
      'elasticfilesystem:DeleteAccessPoint',
    ],
  ],
  ['storage lifecycle', 'efsLifecycle.ts', ['elasticfilesystem:PutLifecycleConfiguration']],
  // A member's doctor checks permissions with a dry run instead.
  ['doctor', 'doctor/awsDoctorProbes.ts', ['iam:SimulatePrincipalPolicy']],
];
const adminOnly = ADMIN_ONLY.flatMap(([, , actions]) => actions);

const TABLE = 'lab-team-store';
const member = appPolicyFor('user', 'aws', TABLE);
const OWNER = `${'$'}{aws:PrincipalTag/cws:research-user}`;

const resources = (statement: PolicyStatement) => [statement.Resource ?? []].flat();
const ownedOrTaggedAtCreation = (statement: PolicyStatement) =>
  statement.Condition?.StringEquals?.['aws:ResourceTag/cws:research-user'] === OWNER ||
  statement.Condition?.StringEquals?.['aws:RequestTag/cws:research-user'] === OWNER;

describe('cws-tui iam policy --for user', () => {
  it('grants every action reachable from a command a member may run', () => {
    const reachable = withDependents(actionsInAdapters().filter((action) => !adminOnly.includes(action)));
    expect(reachable.length).toBeGreaterThan(70);
    expect(reachable.filter((action) => !grants(member, action))).toEqual([]);
  });

  it('grants none of the admin-only calls, each still made by the adapter and command named', () => {
    for (const [command, adapter, actions] of ADMIN_ONLY) {
      expect(findCommand(command.split(' ')[0] ?? '')).toBeDefined();
      const source = readFileSync(`source/aws/${adapter}`, 'utf8');
      for (const action of actions) {
        expect(source, `${adapter} calls ${action}`).toContain(`'${action}'`);
        expect(grants(member, action), `${action} (${command}) is admin-only`).toBe(false);
      }
    }
  });

  it("acts on instances, volumes, snapshots and images only when they carry the member's research user", () => {
    const acting = [
      'ssm:SendCommand',
      'ssm:StartSession',
      'ec2:StopInstances',
      'ec2:TerminateInstances',
      'ec2:ModifyInstanceAttribute',
      'ec2:AttachVolume',
      'ec2:DetachVolume',
      'ec2:DeleteVolume',
      'ec2:CreateVolume',
      'ec2:CreateSnapshot',
      'ec2:DeleteSnapshot',
      'ec2:CreateImage',
      'ec2:CreateReplaceRootVolumeTask',
      'ec2:CancelSpotInstanceRequests',
    ];
    // What a call names besides the member's own resources: AWS's documents, a task, shared launch parts.
    const shared =
      /:(document\/|replace-root-volume-task\/|(image|subnet|network-interface|security-group|key-pair|spot-instances-request)\/\*$)/;
    for (const action of acting) {
      for (const statement of statementsGranting(member, action)) {
        const unscoped = resources(statement).filter((resource) => !shared.test(resource));
        if (unscoped.length > 0)
          expect(ownedOrTaggedAtCreation(statement), `${statement.Sid}: ${action}`).toBe(true);
      }
    }
  });

  it("reads a workstation's service tokens only when the parameter carries the member's research user; an admin reads any", () => {
    const tokens = 'arn:aws:ssm:*:*:parameter/cws-tui/i-*';
    for (const action of ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:ListTagsForResource']) {
      const granting = statementsGranting(member, action).filter((statement) =>
        resources(statement).some((resource) => resource === tokens || resource === '*'),
      );
      expect(granting.map((statement) => statement.Sid)).toEqual(['ManageOwnWorkstations']);
      expect(granting[0]?.Condition).toEqual({
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable
        StringEquals: { 'aws:ResourceTag/cws:research-user': '${aws:PrincipalTag/cws:research-user}' },
      });
      const admin = statementsGranting(appPolicyFor('admin'), action).filter((statement) =>
        resources(statement).includes(tokens),
      );
      expect(admin.map((statement) => [statement.Sid, statement.Condition])).toEqual([
        ['EveryWorkstationServiceTokens', undefined],
      ]);
    }
  });

  it('grants on every resource only calls that read', () => {
    const everywhere = member.Statement.filter(
      (statement) => statement.Effect === 'Allow' && resources(statement).includes('*'),
    ).flatMap((statement) => [statement.Action ?? []].flat());
    expect(everywhere.filter((action) => !/^[a-z0-9-]+:(Describe|Get|List)/.test(action))).toEqual([]);
  });

  it("reaches the lab's table only, with its budgets and format read-only; no table, no team store", () => {
    const teamStore = member.Statement.filter((statement) =>
      [statement.Action ?? []].flat().some((action) => action.startsWith('dynamodb:')),
    );
    expect(teamStore.flatMap(resources)).toEqual([
      `arn:aws:dynamodb:*:*:table/${TABLE}`,
      `arn:aws:dynamodb:*:*:table/${TABLE}`,
    ]);
    const deny = teamStore.find((statement) => statement.Effect === 'Deny');
    expect(deny?.Action).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']);
    expect(deny?.Condition).toEqual({
      'ForAnyValue:StringEquals': { 'dynamodb:LeadingKeys': MEMBER_READ_ONLY_TEAM_KEYS },
    });
    expect(JSON.stringify(appPolicyFor('user'))).not.toContain('dynamodb:');
  });

  it('validates and fits in one managed policy in every partition, with a long table name', () => {
    // The longest name DynamoDB allows still fits in the partition the command prints for.
    expect(managedPolicySize(appPolicyFor('user', 'aws', 'a'.repeat(255)))).toBeLessThanOrEqual(
      MANAGED_POLICY_MAX_CHARS,
    );
    for (const partition of ['aws', 'aws-cn', 'aws-us-gov']) {
      const document = appPolicyFor('user', partition, 'a'.repeat(64));
      expect(validatePolicyDocument(document)).toEqual([]);
      expect(managedPolicySize(document)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
      expect(managedPolicySize(appPolicyFor('admin', partition))).toBeLessThanOrEqual(
        MANAGED_POLICY_MAX_CHARS,
      );
    }
  });
});
