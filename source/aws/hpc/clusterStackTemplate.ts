import {
  PARALLELCLUSTER_VERSION,
  type ParallelClusterConfig,
} from '../../core/hpc/parallelClusterConfigSchema.js';

/** The app's stack around one cluster: ParallelCluster's custom resource and nothing else. */
export const clusterStackName = (cluster: string) => `cws-hpc-${cluster}`;
/** One provider stack per region and ParallelCluster version. */
export const providerStackName = () =>
  `cws-pcluster-provider-${PARALLELCLUSTER_VERSION.replaceAll('.', '-')}`;
/** The tag the app's cluster stacks carry: the cluster's name. */
export const CLUSTER_TAG = 'cws:hpc-cluster';

/** ParallelCluster's published provider template for the region (Provider stack hosted by AWS ParallelCluster). */
export function providerTemplateUrl(region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://${region}-aws-parallelcluster.s3.${region}.${suffix}/parallelcluster/${PARALLELCLUSTER_VERSION}/templates/custom_resource/cluster.yaml`;
}

/**
 * The cluster stack's template: one `Custom::PclusterCluster` whose ServiceToken is the provider
 * stack's output. The ClusterName differs from the stack name, as ParallelCluster requires (its
 * Lambda creates the cluster's own stack under ClusterName).
 */
export function clusterStackTemplate(
  name: string,
  config: ParallelClusterConfig,
  serviceToken: string,
): string {
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `cws-tui HPC cluster ${name} (AWS ParallelCluster ${PARALLELCLUSTER_VERSION})`,
    Resources: {
      PclusterCluster: {
        Type: 'Custom::PclusterCluster',
        Properties: { ServiceToken: serviceToken, ClusterName: name, ClusterConfiguration: config },
      },
    },
    Outputs: {
      ValidationMessages: { Value: { 'Fn::GetAtt': ['PclusterCluster', 'validationMessages'] } },
    },
  });
}

/** The configuration back from a cluster stack's template (undefined when it is not one of ours). */
export function configOfClusterTemplate(body: string | undefined): unknown {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as {
      Resources?: { PclusterCluster?: { Properties?: { ClusterConfiguration?: unknown } } };
    };
    return parsed.Resources?.PclusterCluster?.Properties?.ClusterConfiguration;
  } catch {
    return undefined;
  }
}
