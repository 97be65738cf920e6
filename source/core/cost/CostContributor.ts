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
