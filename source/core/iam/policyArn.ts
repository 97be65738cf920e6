/** A resource ARN of a policy: every region and account unless named (IAM's are global: ''). */
export const policyArn = (
  partition: string,
  service: string,
  resource: string,
  region = '*',
  account = '*',
) => `arn:${partition}:${service}:${region}:${account}:${resource}`;
