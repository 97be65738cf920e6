import { bigdataFindingSource } from '../bigdata/bigdataFindingSource.js';
import { storageFindingSource } from '../fsx/storageFindingSource.js';
import { hpcFindingSource } from '../hpc/hpcFindingSource.js';
import type { CostFindingSource } from './CostFinding.js';

/**
 * Every capability's optimisation findings: the one way a service reaches `cost findings` and the
 * cost page's findings. Each capability adds its own line here, next to its cost contributor.
 */
export const COST_FINDING_SOURCES: readonly CostFindingSource[] = [
  storageFindingSource,
  bigdataFindingSource,
  hpcFindingSource,
];
