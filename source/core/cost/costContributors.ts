import { analyticsCostContributor } from '../analytics/analyticsCostContributor.js';
import { emrCostContributor } from '../bigdata/emrCostContributor.js';
import { fsxCostContributor } from '../fsx/fsxCostContributor.js';
import { hpcCostContributor } from '../hpc/hpcCostContributor.js';
import type { CostContributor } from './CostContributor.js';

/**
 * Every capability's contributor: the one way a service reaches the unified cost report. Each
 * capability adds its own line here.
 */
export const COST_CONTRIBUTORS: readonly CostContributor[] = [
  hpcCostContributor,
  emrCostContributor,
  analyticsCostContributor,
  fsxCostContributor,
];
