import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  type IAMClient,
  ListAttachedRolePoliciesCommand,
  PutRolePolicyCommand,
  type Role,
} from '@aws-sdk/client-iam';
import { CloudError } from '../core/CloudError.js';
import { serviceTrustPolicy } from '../core/iam/workstationRolePolicy.js';
import { leftHalfMade } from '../core/leftHalfMade.js';
import { TAG } from '../core/ports.js';
import { callAws } from './callAws.js';
import { toTagList } from './tagList.js';
import type { AwsCallContext } from './translateAwsError.js';

/** What a role left half-made by a failed step gets: the next run completes it, nothing is undone. */
export const FINISHED_NEXT_TIME =
  'The next launch finishes the role (it keeps what is there and adds what is missing).';

/** An IAM role the app owns, assumed by one AWS service on the app's behalf. */
export interface ServiceRoleSpec {
  name: string;
  /** IAM path, e.g. `/cws-tui/`; IAM's default `/` without one. */
  path?: string;
  description: string;
  /** The service principal trusted to assume the role, e.g. `ec2.amazonaws.com`. */
  trustedService: string;
  managedPolicyArns: string[];
  /** Inline policies by name, as JSON documents (or made from the role's ARN, for its partition). */
  inlinePolicies?: Record<string, string | ((roleArn: string) => string)>;
}

/** IAM's "no such entity", as the SDK names it (older SDKs used the wire code). */
function isNoSuchEntity(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NoSuchEntityException' || error.name === 'NoSuchEntity');
}

/** IAM's "already exists": another process created it between our look-up and our create. */
export function isEntityAlreadyExists(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'EntityAlreadyExistsException' || error.name === 'EntityAlreadyExists')
  );
}

/** Runs an IAM read, answering undefined for a missing entity and a CloudError for anything else. */
export async function findIamEntity<T>(
  context: AwsCallContext,
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isNoSuchEntity(error)) return undefined;
    return callAws(context, () => Promise.reject(error));
  }
}

function trustPolicyFor(service: string): string {
  return JSON.stringify(serviceTrustPolicy(service));
}

/** An AWS-managed policy's ARN in the role's partition (aws-cn, aws-us-gov have their own copies). */
function inPartitionOf(roleArn: string, policyArn: string): string {
  const partition = roleArn.split(':')[1] ?? 'aws';
  return policyArn.replace(/^arn:[^:]+:/, `arn:${partition}:`);
}

/** Two policy documents say the same thing (IAM returns them URL-encoded and may re-space them). */
function samePolicy(stored: string, wanted: string): boolean {
  try {
    return JSON.stringify(JSON.parse(decodeURIComponent(stored))) === JSON.stringify(JSON.parse(wanted));
  } catch {
    return false;
  }
}

/**
 * Finds the role by name or creates it (tagged cws:managed, trusted by the one service), then
 * attaches the managed policies and writes the inline policies it lacks. Everything is read first
 * and written only when missing or different, so a user who may read the role but not change it
 * (an admin set it up) still gets through; and a race with another process creating the same role
 * ends with the role both wanted. IAM is global: one role serves every region. Returns the ARN.
 */
export async function ensureServiceRole(
  iam: IAMClient,
  spec: ServiceRoleSpec,
  profile?: string,
): Promise<string> {
  const context = (action: string): AwsCallContext => ({ action, ...(profile ? { profile } : {}) });
  const getRole = () =>
    iam.send(new GetRoleCommand({ RoleName: spec.name })).then((response) => response.Role);
  let role: Role | undefined = await findIamEntity(context('iam:GetRole'), getRole);
  if (!role) {
    role = await iam
      .send(
        new CreateRoleCommand({
          RoleName: spec.name,
          ...(spec.path ? { Path: spec.path } : {}),
          AssumeRolePolicyDocument: trustPolicyFor(spec.trustedService),
          Description: spec.description,
          Tags: toTagList({ [TAG.managed]: 'true' }),
        }),
      )
      .then(
        (response) => response.Role,
        (error: unknown) =>
          isEntityAlreadyExists(error)
            ? callAws(context('iam:GetRole'), getRole)
            : callAws(context('iam:CreateRole'), () => Promise.reject(error)),
      );
  }
  if (!role?.Arn) {
    throw new CloudError({
      kind: 'unknown',
      code: 'EmptyIamResponse',
      message: `IAM returned no ARN for the role ${spec.name}.`,
      hint: 'Retry in a moment; if it persists, check the role in the IAM console.',
    });
  }
  const roleArn = role.Arn;

  const attached = await callAws(context('iam:ListAttachedRolePolicies'), () =>
    iam.send(new ListAttachedRolePoliciesCommand({ RoleName: spec.name })),
  );
  const attachedArns = new Set((attached.AttachedPolicies ?? []).map((policy) => policy.PolicyArn));
  const wanted = spec.managedPolicyArns.map((arn) => inPartitionOf(roleArn, arn));
  for (const policyArn of wanted.filter((arn) => !attachedArns.has(arn))) {
    await callAws(context('iam:AttachRolePolicy'), () =>
      iam.send(new AttachRolePolicyCommand({ RoleName: spec.name, PolicyArn: policyArn })),
    ).catch((error: unknown) => {
      throw leftHalfMade(
        error,
        `The role ${spec.name} exists without the policy ${policyArn}.`,
        FINISHED_NEXT_TIME,
      );
    });
  }

  for (const [policyName, policy] of Object.entries(spec.inlinePolicies ?? {})) {
    const document = typeof policy === 'string' ? policy : policy(roleArn);
    const stored = await findIamEntity(context('iam:GetRolePolicy'), () =>
      iam.send(new GetRolePolicyCommand({ RoleName: spec.name, PolicyName: policyName })),
    );
    if (stored?.PolicyDocument && samePolicy(stored.PolicyDocument, document)) continue;
    await callAws(context('iam:PutRolePolicy'), () =>
      iam.send(
        new PutRolePolicyCommand({ RoleName: spec.name, PolicyName: policyName, PolicyDocument: document }),
      ),
    ).catch((error: unknown) => {
      // The role exists without this policy: say so, and that the next run finishes it.
      throw leftHalfMade(
        error,
        `The role ${spec.name} exists without its policy ${policyName}.`,
        FINISHED_NEXT_TIME,
      );
    });
  }
  return roleArn;
}
