import { stringify } from 'yaml';
import type { ParallelClusterConfig } from './parallelClusterConfigSchema.js';

/** The configuration as ParallelCluster's YAML file: what `hpc config` prints and `pcluster` reads. */
export function renderClusterConfigYaml(config: ParallelClusterConfig): string {
  return stringify(config, { lineWidth: 0 });
}
