import { analyticsCostContributor } from '../analytics/analyticsCostContributor.js';
import { emrCostContributor } from '../bigdata/emrCostContributor.js';
import { fsxCostContributor } from '../fsx/fsxCostContributor.js';
import { hpcCostContributor } from '../hpc/hpcCostContributor.js';
import type { CloudAccount } from '../ports.js';
import type { CostResource } from './CostResource.js';

/** What one capability adds to the cost report, and what it could not count (never thrown). */
export interface ContributedCosts {
  resources: CostResource[];
  warnings: string[];
}

/**
 * One capability's resources that cost money (FSx file systems, clusters, EMR, Athena …), usually
 * `metered` ones. A contributor that fails is reported as a warning by `listCostResources`; the
 * rest of the report still counts.
 */
export interface CostContributor {
  /** The service named in a warning when it fails: "FSx". */
  service: string;
  list(account: CloudAccount, regions: readonly string[]): Promise<ContributedCosts>;
}

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
