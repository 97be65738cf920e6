import { EC2Client } from '@aws-sdk/client-ec2';
import { EFSClient } from '@aws-sdk/client-efs';
import { IAMClient } from '@aws-sdk/client-iam';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { lazyAnalyticsPort } from '../core/analytics/lazyAnalyticsPort.js';
import { lazyBigDataPort } from '../core/bigdata/lazyBigDataPort.js';
import { lazyPort, loadOnce } from '../core/ports/lazyPort.js';
import type { CloudAccount } from '../core/ports.js';
import { type AwsSessionOptions, awsClientConfig } from './awsClientConfig.js';
import { EbsBlockStorage } from './ebs/EbsBlockStorage.js';
import { Ec2Compute } from './ec2Compute.js';
import { Ec2InstanceChanges } from './ec2InstanceChanges.js';
import { Ec2Network } from './ec2Network.js';
import { EfsStorage } from './efsStorage.js';
import { globusAuthFromEnv } from './globus/globusAuthFromEnv.js';
import { guardAwsReplies } from './guardAwsReplies.js';
import { IamWorkstationRole } from './iamWorkstationRole.js';
import { perRegion } from './perRegion.js';
import { awsStoragePrices } from './pricing/awsStoragePrices.js';
import { ensureSageMakerExecutionRole } from './sagemaker/ensureSageMakerExecutionRole.js';
import { SageMakerStudio } from './sagemaker/SageMakerStudio.js';
import { SsmImages } from './ssmImages.js';
import { SsmServiceSecrets } from './ssmServiceSecrets.js';
import { StsIdentity } from './stsIdentity.js';
import { INSTANCE_PROFILE_ENV } from './workstationInstanceProfile.js';

export interface AwsAccountOptions extends AwsSessionOptions {
  /** The region launches go to and STS is asked in. */
  region: string;
  /** Regions the app lists resources in (the default region is always among them). */
  regions: string[];
  /** Where the instance type catalogue is cached between sessions (the app's cache dir). */
  cacheDir?: string;
}

/**
 * The AWS account of a session. This module is the lazy boundary: the app imports it only when it
 * needs AWS, so the SDK clients (hundreds of milliseconds to load) stay off the start-up path. The
 * services a listing never or rarely calls (HPC, EMR, analytics, FSx, schedules, metrics, SSM Run
 * Command) are lazy ports: their adapters and SDK clients are imported on their first call.
 */
export async function createAwsAccount(options: AwsAccountOptions): Promise<CloudAccount> {
  // The SDK's notice that it will drop Node 20 in 2027 is for developers; printed to stderr by the
  // first client, it would tear the full-screen display. A user's own setting wins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const config = awsClientConfig({ ...options, env: options.env ?? process.env });
  const profile = options.profile;
  const ec2 = perRegion((region) => guardAwsReplies(new EC2Client({ ...config, region })));
  const ssm = perRegion((region) => guardAwsReplies(new SSMClient({ ...config, region })));
  const efs = perRegion((region) => guardAwsReplies(new EFSClient({ ...config, region })));
  const sts = perRegion((region) => guardAwsReplies(new STSClient({ ...config, region })));
  const sagemaker = perRegion((region) => guardAwsReplies(new SageMakerClient({ ...config, region })));
  // IAM is global: one client, and the execution role is looked up once per session.
  const iam = perRegion((region) => guardAwsReplies(new IAMClient({ ...config, region })));
  let executionRole: Promise<string> | undefined;
  const cloudwatch = loadOnce(async () => {
    const { CloudWatchClient } = await import('@aws-sdk/client-cloudwatch');
    return perRegion((region) => new CloudWatchClient({ ...config, region }));
  });
  const withProfile = profile ? { profile } : {};
  const network = new Ec2Network({ ec2, ...withProfile });
  const identity = new StsIdentity(() => sts(options.region), profile);
  return {
    kind: 'aws',
    regions: [...new Set([options.region, ...options.regions])],
    defaultRegion: options.region,
    identity,
    compute: new Ec2Compute({
      ec2,
      ...withProfile,
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    }),
    images: new SsmImages({ ssm, ec2, ...withProfile }),
    network,
    storage: new EfsStorage({ efs, ec2, network, ...withProfile }),
    studio: new SageMakerStudio({
      sagemaker,
      ec2,
      efs,
      network,
      executionRole: () => {
        executionRole ??= ensureSageMakerExecutionRole(iam(options.region), profile);
        executionRole.catch(() => {
          executionRole = undefined;
        });
        return executionRole;
      },
      ...withProfile,
    }),
    roles: new IamWorkstationRole({
      iam: () => iam(options.region),
      // Read like the SDK's own AWS_* variables: a setting of the machine, not of a profile.
      configured: process.env[INSTANCE_PROFILE_ENV],
      ...withProfile,
    }),
    commands: lazyPort(async () => {
      const { SsmRemoteCommands } = await import('./ssm/SsmRemoteCommands.js');
      return new SsmRemoteCommands({ ssm, ...withProfile });
    }, {}),
    blockStorage: new EbsBlockStorage({ ec2, ...withProfile }),
    instanceChanges: new Ec2InstanceChanges({ ec2, ...withProfile }),
    schedules: lazyPort(async () => {
      const { SchedulerClient } = await import('@aws-sdk/client-scheduler');
      const { EventBridgeSchedules } = await import('./scheduler/EventBridgeSchedules.js');
      const scheduler = perRegion((region) => new SchedulerClient({ ...config, region }));
      return new EventBridgeSchedules({ scheduler, iam: () => iam(options.region), ...withProfile });
    }, {}),
    metrics: lazyPort(async () => {
      const { CloudWatchMetrics } = await import('./cloudwatch/CloudWatchMetrics.js');
      return new CloudWatchMetrics({ cloudwatch: await cloudwatch(), ...withProfile });
    }, {}),
    secrets: new SsmServiceSecrets({ ssm, ...withProfile }),
    hpc: lazyPort(async () => {
      const { createCloudFormationHpc } = await import('./hpc/createCloudFormationHpc.js');
      return createCloudFormationHpc({ config, ec2, ssm, ...withProfile });
    }, {}),
    bigdata: lazyBigDataPort(async () => {
      const { createAwsBigData } = await import('./emr/createAwsBigData.js');
      return createAwsBigData({ config, iam: () => iam(options.region), identity, ...withProfile });
    }),
    analytics: lazyAnalyticsPort(async () => {
      const [{ AthenaClient }, { DataBrewClient }, { QuickSightClient }] = await Promise.all([
        import('@aws-sdk/client-athena'),
        import('@aws-sdk/client-databrew'),
        import('@aws-sdk/client-quicksight'),
      ]);
      const { awsAnalytics } = await import('./athena/awsAnalytics.js');
      const { createAwsDataPrep } = await import('./glue/createAwsDataPrep.js');
      return awsAnalytics(
        perRegion((region) => guardAwsReplies(new AthenaClient({ ...config, region }))),
        profile,
        perRegion((region) => guardAwsReplies(new DataBrewClient({ ...config, region }))),
        perRegion((region) => guardAwsReplies(new QuickSightClient({ ...config, region }))),
        createAwsDataPrep({ config, iam: () => iam(options.region), region: options.region, ...withProfile }),
      );
    }),
    fsx: lazyPort(async () => {
      const { FSxClient } = await import('@aws-sdk/client-fsx');
      const { AwsFsx } = await import('./fsx/AwsFsx.js');
      return new AwsFsx({
        fsx: perRegion((region) => guardAwsReplies(new FSxClient({ ...config, region }))),
        cloudwatch: await cloudwatch(),
        ec2,
        network,
        ...withProfile,
      });
    }, {}),
    storagePrices: awsStoragePrices(config, options.cacheDir),
    globus: globusAuthFromEnv(options.env ?? process.env),
  };
}
