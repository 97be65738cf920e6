import type { EmrClusterSpec } from '../../../source/core/bigdata/clusterPorts.js';

/**
 * A cluster spec named `name` as `bigdata cluster create` plans it from the emr-spark-cluster
 * template (Spark and Hive, one on-demand primary, two spot core nodes scaling to six, idle stop
 * after an hour); a test overrides what it is about.
 */
export function emrClusterSpecFixture(name: string, overrides: Partial<EmrClusterSpec> = {}): EmrClusterSpec {
  return {
    name,
    region: 'us-east-1',
    release_label: 'emr-7.5.0',
    applications: ['Spark', 'Hive'],
    primary: { instance_types: ['m6g.xlarge'], on_demand: 1, spot: 0 },
    core: { instance_types: ['m6g.xlarge', 'm7g.xlarge'], on_demand: 0, spot: 2 },
    managed_scaling: { min: 2, max: 6 },
    auto_termination_idle_minutes: 60,
    ebs_gb: 64,
    subnet_ids: ['subnet-0123456789abcdef0'],
    service_role: 'arn:aws:iam::123456789012:role/cws-tui/cws-tui-emr-cluster-service',
    instance_profile: 'cws-tui-emr-cluster-node',
    log_uri: `s3://cws-tui-staging-123456789012-us-east-1/bigdata/clusters/${name}/`,
    tags: { 'cws:managed': 'true' },
    ...overrides,
  };
}
