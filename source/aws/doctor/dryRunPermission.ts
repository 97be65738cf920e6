import {
  CreateSecurityGroupCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeSubnetsCommand,
  type EC2Client,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { DescribeFileSystemsCommand, type EFSClient } from '@aws-sdk/client-efs';
import { ListDomainsCommand, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { TAG } from '../../core/ports.js';

/** The clients a dry run needs in one region. */
export interface DryRunClients {
  ec2: EC2Client;
  ssm: SSMClient;
  efs: EFSClient;
  sagemaker: SageMakerClient;
}

/** Any current image will do: a dry run launches nothing. Amazon Linux's is public in every region. */
const PROBE_IMAGE_PARAMETER = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
const PROBE_INSTANCE_TYPE = 't3.micro';

const errorName = (error: unknown) => (error instanceof Error ? error.name : '');

/** EC2's answer to a DryRun request: DryRunOperation allowed, UnauthorizedOperation denied, else unknown. */
async function ec2DryRun(send: () => Promise<unknown>): Promise<boolean | undefined> {
  try {
    await send();
    // A DryRun request that succeeds was not a dry run: unknown rather than a guess.
    return undefined;
  } catch (error) {
    if (errorName(error) === 'DryRunOperation') return true;
    if (errorName(error) === 'UnauthorizedOperation') return false;
    return undefined;
  }
}

/** A harmless read for services without DryRun: answered means allowed, AccessDenied means denied. */
async function readProbe(send: () => Promise<unknown>): Promise<boolean | undefined> {
  try {
    await send();
    return true;
  } catch (error) {
    return /AccessDenied|UnauthorizedOperation|NotAuthorized/.test(errorName(error)) ? false : undefined;
  }
}

async function vpcOf(ec2: EC2Client, subnetId: string | undefined): Promise<string | undefined> {
  if (!subnetId) return undefined;
  const response = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnetId] }));
  return response.Subnets?.[0]?.VpcId;
}

/**
 * Asks AWS whether the caller may do one of `doctor`'s actions without doing it: EC2's DryRun for
 * the EC2 actions (a tagged RunInstances in the recorded subnet also answers for ec2:CreateTags on
 * launch), a one-item read for EFS and SageMaker. Actions with neither (iam:PassRole, creating an
 * access point, a presigned URL) are undefined: only doing them would tell.
 */
export function dryRunPermission(clients: (region: string) => DryRunClients) {
  const launches = new Map<string, Promise<boolean | undefined>>();
  const launch = (region: string, subnetId: string | undefined) => {
    const key = `${region}/${subnetId ?? ''}`;
    let pending = launches.get(key);
    if (!pending) {
      const { ec2, ssm } = clients(region);
      pending = ssm
        .send(new GetParameterCommand({ Name: PROBE_IMAGE_PARAMETER }))
        .then((image) => image.Parameter?.Value)
        .then((imageId) =>
          imageId
            ? ec2DryRun(() =>
                ec2.send(
                  new RunInstancesCommand({
                    DryRun: true,
                    ImageId: imageId,
                    InstanceType: PROBE_INSTANCE_TYPE,
                    MinCount: 1,
                    MaxCount: 1,
                    ...(subnetId ? { SubnetId: subnetId } : {}),
                    TagSpecifications: [
                      { ResourceType: 'instance', Tags: [{ Key: TAG.managed, Value: 'true' }] },
                    ],
                  }),
                ),
              )
            : undefined,
        )
        .catch(() => undefined);
      launches.set(key, pending);
    }
    return pending;
  };
  return async (region: string, action: string, subnetId?: string): Promise<boolean | undefined> => {
    const { ec2, efs, sagemaker } = clients(region);
    switch (action) {
      case 'ec2:DescribeInstances':
        return ec2DryRun(() => ec2.send(new DescribeInstancesCommand({ DryRun: true, MaxResults: 5 })));
      case 'ec2:DescribeInstanceTypes':
        return ec2DryRun(() =>
          ec2.send(new DescribeInstanceTypesCommand({ DryRun: true, InstanceTypes: [PROBE_INSTANCE_TYPE] })),
        );
      case 'ec2:RunInstances':
      case 'ec2:CreateTags':
        return launch(region, subnetId);
      case 'ec2:CreateSecurityGroup': {
        const vpcId = await vpcOf(ec2, subnetId).catch(() => undefined);
        return ec2DryRun(() =>
          ec2.send(
            new CreateSecurityGroupCommand({
              DryRun: true,
              GroupName: 'cws-tui-doctor-dry-run',
              Description: 'cws-tui doctor: a dry run, never created',
              ...(vpcId ? { VpcId: vpcId } : {}),
            }),
          ),
        );
      }
      case 'elasticfilesystem:DescribeFileSystems':
        return readProbe(() => efs.send(new DescribeFileSystemsCommand({ MaxItems: 1 })));
      case 'sagemaker:ListDomains':
        return readProbe(() => sagemaker.send(new ListDomainsCommand({ MaxResults: 1 })));
      default:
        return undefined;
    }
  };
}
