import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  type IAMClient,
  ListAttachedRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { TAG } from '../../core/ports.js';
import { callAws } from '../callAws.js';
import { toTagList } from '../tagList.js';

export const EXECUTION_ROLE_NAME = 'cws-tui-sagemaker-execution';
/**
 * The one AWS-managed policy Studio's apps need to run (pull images, write logs, call SageMaker).
 * Nothing else is attached: data access (S3 buckets, Bedrock) is granted by an admin explicitly.
 */
export const SAGEMAKER_MANAGED_POLICY_ARN = 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess';

const TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

/**
 * The execution role of the app's SageMaker domain: found by name, or created (tagged, trusted by
 * SageMaker only) with the managed SageMaker policy attached. IAM is global, so one role serves
 * every region.
 */
export async function ensureSageMakerExecutionRole(iam: IAMClient, profile?: string): Promise<string> {
  const context = (action: string) => ({ action, ...(profile ? { profile } : {}) });
  const existing = await iam.send(new GetRoleCommand({ RoleName: EXECUTION_ROLE_NAME })).then(
    (response) => response.Role,
    (error: unknown) => {
      // IAM's NoSuchEntity (NoSuchEntityException in the SDK) is not one the shared translation knows.
      if (
        error instanceof Error &&
        (error.name === 'NoSuchEntityException' || error.name === 'NoSuchEntity')
      ) {
        return undefined;
      }
      return callAws(context('iam:GetRole'), () => Promise.reject(error));
    },
  );
  const role =
    existing ??
    (
      await callAws(context('iam:CreateRole'), () =>
        iam.send(
          new CreateRoleCommand({
            RoleName: EXECUTION_ROLE_NAME,
            AssumeRolePolicyDocument: TRUST_POLICY,
            Description: 'Execution role of the cws-tui SageMaker Studio domain',
            Tags: toTagList({ [TAG.managed]: 'true' }),
          }),
        ),
      )
    ).Role;
  if (!role?.Arn) throw new Error(`IAM returned no ARN for the role ${EXECUTION_ROLE_NAME}`);
  const attached = await callAws(context('iam:ListAttachedRolePolicies'), () =>
    iam.send(new ListAttachedRolePoliciesCommand({ RoleName: EXECUTION_ROLE_NAME })),
  );
  if (!attached.AttachedPolicies?.some((policy) => policy.PolicyArn === SAGEMAKER_MANAGED_POLICY_ARN)) {
    await callAws(context('iam:AttachRolePolicy'), () =>
      iam.send(
        new AttachRolePolicyCommand({
          RoleName: EXECUTION_ROLE_NAME,
          PolicyArn: SAGEMAKER_MANAGED_POLICY_ARN,
        }),
      ),
    );
  }
  return role.Arn;
}
