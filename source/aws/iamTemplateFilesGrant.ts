import { GetRolePolicyCommand, type IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import {
  grantedObjectArns,
  type S3ObjectRef,
  templateFilesPolicyName,
  templateFilesReadPolicy,
} from '../core/iam/templateFilesReadPolicy.js';
import { callAws } from './callAws.js';
import { findIamEntity } from './ensureServiceRole.js';
import type { AwsCallContext } from './translateAwsError.js';

/** IAM's limit on one inline policy document, whitespace excluded. */
const INLINE_POLICY_LIMIT = 10_240;

/**
 * Puts (or widens) the inline policy `cws-tui-files-<slug>` on the workstation role: s3:GetObject
 * on exactly the objects, kept together with those earlier launches of the template granted.
 * Returns the policy's name. An unchanged grant is not written again.
 */
export async function grantTemplateFilesOnRole(
  iam: IAMClient,
  options: { roleName: string; slug: string; partition: string; profile?: string },
  objects: readonly S3ObjectRef[],
): Promise<string> {
  const context = (action: string): AwsCallContext => ({
    action,
    ...(options.profile ? { profile: options.profile } : {}),
  });
  const policyName = templateFilesPolicyName(options.slug);
  const stored = await findIamEntity(context('iam:GetRolePolicy'), () =>
    iam.send(new GetRolePolicyCommand({ RoleName: options.roleName, PolicyName: policyName })),
  );
  const existing = stored?.PolicyDocument
    ? grantedObjectArns(JSON.parse(decodeURIComponent(stored.PolicyDocument)))
    : [];
  const fresh = templateFilesReadPolicy(objects, options.partition);
  const wanted = fresh.Statement[0]!.Resource as string[];
  if (wanted.every((arn) => existing.includes(arn))) return policyName;
  let document = JSON.stringify(templateFilesReadPolicy(objects, options.partition, existing));
  // Too many keys collected over time: start again from this launch's objects.
  if (document.length > INLINE_POLICY_LIMIT) document = JSON.stringify(fresh);
  await callAws(context('iam:PutRolePolicy'), () =>
    iam.send(
      new PutRolePolicyCommand({
        RoleName: options.roleName,
        PolicyName: policyName,
        PolicyDocument: document,
      }),
    ),
  );
  return policyName;
}
