import { policyArn as arn } from './policyArn.js';

/** Reading the web services' tokens each workstation stores, tagged with its research user, at boot. */
export const SERVICE_TOKEN_ACTIONS = ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:ListTagsForResource'];

/** The SSM parameters those tokens live in, one path per workstation. */
export function serviceTokenParameters(partition: string): string {
  return arn(partition, 'ssm', 'parameter/cws-tui/i-*');
}
