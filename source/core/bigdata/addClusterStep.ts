import { TAG } from '../ports.js';
import { type BigDataContext, DATA_BUCKETS_TAG } from './BigDataContext.js';
import { BigDataError } from './BigDataError.js';
import { checkBigDataPolicy } from './checkBigDataPolicy.js';
import type { EmrCluster } from './clusterPorts.js';
import { emrClusterUsdPerHour } from './emrClusterCostResource.js';
import { findEmrCluster } from './findEmrCluster.js';
import type { PreparedJobRun } from './prepareJobRun.js';
import { readEntryPoint } from './readEntryPoint.js';
import { stageJobRun } from './stageJobRun.js';

export interface AddClusterStepRequest {
  cluster: string;
  regions: readonly string[];
  /** A local .py or .jar, or an s3:// URI in an allowed bucket. */
  entry: string;
  args: readonly string[];
  conf: readonly string[];
  /** Data buckets besides the cluster's. */
  data_buckets?: string[];
}

/** The command an EMR step runs for a Spark job: spark-submit in cluster mode, through command-runner. */
export function sparkSubmitStepArgs(prepared: PreparedJobRun): string[] {
  const conf = prepared.spark_submit_parameters === '' ? [] : prepared.spark_submit_parameters.split(' ');
  return ['spark-submit', '--deploy-mode', 'cluster', ...conf, prepared.entry_point, ...prepared.arguments];
}

/**
 * `bigdata cluster step add`: the same checks as a Serverless job (entry point, Spark settings,
 * buckets named, the policy) before anything is written; then the script goes to the staging
 * prefix and a spark-submit step is added. The nodes' instance profile already has the cluster's
 * buckets; a bucket it lacks is refused rather than granted behind the cluster's back.
 */
export async function addClusterStep(
  context: BigDataContext,
  request: AddClusterStepRequest,
): Promise<{ cluster: EmrCluster; step_id: string; prepared: PreparedJobRun }> {
  const entry = request.entry.startsWith('s3://') ? request.entry : await readEntryPoint(request.entry);
  const cluster = await findEmrCluster(context.bigdata.clusters, request.regions, request.cluster);
  if (cluster.state === 'TERMINATING')
    throw new BigDataError('input', `the cluster ${cluster.name} is terminating: it takes no more steps`);
  const buckets = (cluster.tags[DATA_BUCKETS_TAG] ?? '').split(' ').filter((bucket) => bucket !== '');
  const extra = (request.data_buckets ?? []).filter((bucket) => !buckets.includes(bucket));
  if (extra.length > 0)
    throw new BigDataError(
      'input',
      `the cluster ${cluster.name} may use only ${buckets.join(', ') || 'its staging bucket'}; make a cluster with --bucket ${extra.join(' --bucket ')}`,
    );
  checkBigDataPolicy(context.policy, {
    template_slug: cluster.tags[TAG.template] ?? 'unknown',
    region: cluster.region,
    tags: cluster.tags,
    hourly_cost: emrClusterUsdPerHour(cluster).usd_per_hour,
    facts: { kind: 'emr-job', max_vcpus: 0, max_memory_gb: 0, data_buckets: buckets, instance_types: [] },
  });
  const { prepared } = await stageJobRun(context, {
    name: cluster.name,
    region: cluster.region,
    entry,
    args: request.args,
    conf: request.conf,
    data_buckets: buckets,
  });
  const { id } = await context.bigdata.clusters.addStep({
    region: cluster.region,
    cluster_id: cluster.id,
    name: prepared.name,
    args: sparkSubmitStepArgs(prepared),
  });
  return { cluster, step_id: id, prepared };
}
