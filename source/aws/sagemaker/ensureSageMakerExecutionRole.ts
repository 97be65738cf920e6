import type { IAMClient } from '@aws-sdk/client-iam';
import { ensureServiceRole } from '../ensureServiceRole.js';

export const EXECUTION_ROLE_NAME = 'cws-tui-sagemaker-execution';
/**
 * The one AWS-managed policy Studio's apps need to run (pull images, write logs, call SageMaker).
 * Nothing else is attached: data access (S3 buckets, Bedrock) is granted by an admin explicitly.
 */
export const SAGEMAKER_MANAGED_POLICY_ARN = 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess';

/**
 * The execution role of the app's SageMaker domain: found by name, or created (tagged, trusted by
 * SageMaker only) with the managed SageMaker policy attached. IAM is global, so one role serves
 * every region.
 */
export function ensureSageMakerExecutionRole(iam: IAMClient, profile?: string): Promise<string> {
  return ensureServiceRole(
    iam,
    {
      name: EXECUTION_ROLE_NAME,
      description: 'Execution role of the cws-tui SageMaker Studio domain',
      trustedService: 'sagemaker.amazonaws.com',
      managedPolicyArns: [SAGEMAKER_MANAGED_POLICY_ARN],
    },
    profile,
  );
}
