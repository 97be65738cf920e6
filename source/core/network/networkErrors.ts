import { CloudError } from '../CloudError.js';

/** A region with no default VPC and no subnet recorded: the one message names both ways out. */
export function noDefaultVpcError(region: string): CloudError {
  return new CloudError({
    kind: 'not-found',
    code: 'NoDefaultVpc',
    message: `${region} has no default VPC and no subnet is recorded for this profile there.`,
    hint: `Record one of your subnets with \`cws-tui network use <subnet-id> --region ${region}\` (\`cws-tui network show --region ${region}\` lists them), or make a small public VPC with \`cws-tui network create --region ${region}\`.`,
  });
}

export function unknownSubnetError(region: string, subnetId: string): CloudError {
  return new CloudError({
    kind: 'not-found',
    code: 'InvalidSubnetID.NotFound',
    message: `The subnet ${subnetId} does not exist in ${region}.`,
    hint: `See the subnets with \`cws-tui network show --region ${region}\`, then record one with \`cws-tui network use <subnet-id> --region ${region}\`.`,
  });
}
