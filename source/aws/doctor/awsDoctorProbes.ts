import { EC2Client } from '@aws-sdk/client-ec2';
import { EFSClient } from '@aws-sdk/client-efs';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetProductsCommand, PricingClient } from '@aws-sdk/client-pricing';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { GetServiceQuotaCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { DoctorProbes } from '../../core/doctor/DoctorCheck.js';
import { type AwsSessionOptions, awsClientConfig } from '../awsClientConfig.js';
import { callAws } from '../callAws.js';
import { guardAwsReplies } from '../guardAwsReplies.js';
import { perRegion } from '../perRegion.js';
import { type DryRunClients, dryRunPermission } from './dryRunPermission.js';

/** The Price List API answers in us-east-1 (and a few others); the app always asks there. */
const PRICE_LIST_REGION = 'us-east-1';

/** The calls `doctor` makes on AWS (IAM simulation, else dry runs; quotas; the Price List), each through the session's credentials, timeouts and guards. */
export function awsDoctorProbes(session: AwsSessionOptions): DoctorProbes {
  const config = awsClientConfig(session);
  const profile = session.profile ? { profile: session.profile } : {};
  const dryRun = dryRunPermission(
    perRegion(
      (region): DryRunClients => ({
        ec2: guardAwsReplies(new EC2Client({ ...config, region })),
        ssm: guardAwsReplies(new SSMClient({ ...config, region })),
        efs: guardAwsReplies(new EFSClient({ ...config, region })),
        sagemaker: guardAwsReplies(new SageMakerClient({ ...config, region })),
      }),
    ),
  );
  return {
    dryRun,
    async simulate(principalArn, actions) {
      const iam = guardAwsReplies(new IAMClient({ ...config, region: PRICE_LIST_REGION }));
      const response = await callAws({ action: 'iam:SimulatePrincipalPolicy', ...profile }, () =>
        iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: principalArn, ActionNames: actions })),
      );
      return Object.fromEntries(
        (response.EvaluationResults ?? []).map((result) => [
          result.EvalActionName ?? '',
          result.EvalDecision === 'allowed',
        ]),
      );
    },
    async quota(region, serviceCode, quotaCode) {
      const quotas = guardAwsReplies(new ServiceQuotasClient({ ...config, region }));
      const response = await callAws({ action: 'servicequotas:GetServiceQuota', region, ...profile }, () =>
        quotas.send(new GetServiceQuotaCommand({ ServiceCode: serviceCode, QuotaCode: quotaCode })),
      );
      return response.Quota?.Value;
    },
    async priceList() {
      const pricing = guardAwsReplies(new PricingClient({ ...config, region: PRICE_LIST_REGION }));
      await callAws({ action: 'pricing:GetProducts', region: PRICE_LIST_REGION, ...profile }, () =>
        pricing.send(
          new GetProductsCommand({
            ServiceCode: 'AmazonEC2',
            Filters: [{ Type: 'TERM_MATCH', Field: 'instanceType', Value: 't3.micro' }],
            MaxResults: 1,
          }),
        ),
      );
    },
  };
}
