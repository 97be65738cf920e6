import type { CostResource } from '../cost/CostResource.js';
import type { CloudAccount } from '../ports.js';
import { emrClusterCostResource } from './emrClusterCostResource.js';
import { isFinalJobRunState } from './jobRunStates.js';
import type { JobRun } from './ports.js';
import { sparkApplicationCostResource } from './sparkApplicationCostResource.js';

/** How many of an application's newest ended runs are read one by one for their billed use. */
export const RUNS_PRICED_PER_APPLICATION = 50;

/**
 * EMR in the unified cost report: every application the app manages, its warm capacity and the
 * billed use of its runs, and every managed EMR on EC2 cluster over its life (EC2 + EMR uplift +
 * EBS per node-hour). A run whose details cannot be read is left out and said so.
 */
export const emrCostContributor = {
  service: 'EMR',
  async list(
    account: CloudAccount,
    regions: readonly string[],
  ): Promise<{ resources: CostResource[]; warnings: string[] }> {
    const serverless = account.bigdata.serverless;
    const warnings: string[] = [];
    const applications = (await serverless.listApplications(regions)).filter(
      (application) => application.tags['cws:managed'] === 'true',
    );
    const resources = await Promise.all(
      applications.map(async (application) => {
        const listed = await serverless.listJobRuns(application.region, application.id);
        const ended = listed
          .filter((run) => isFinalJobRunState(run.state))
          .slice(0, RUNS_PRICED_PER_APPLICATION);
        const runs: JobRun[] = [];
        for (const run of ended) {
          try {
            runs.push(
              run.billed ? run : await serverless.getJobRun(application.region, application.id, run.id),
            );
          } catch (error) {
            warnings.push(
              `EMR run ${run.id} of ${application.name} is not counted: ${(error as Error).message}`,
            );
          }
        }
        const resource = sparkApplicationCostResource(application, runs);
        if (!resource)
          warnings.push(`EMR Serverless ${application.name}: no price snapshot for ${application.region}`);
        return resource;
      }),
    );
    const clusters = (await account.bigdata.clusters.listClusters(regions)).flatMap((cluster) => {
      const resource = emrClusterCostResource(cluster);
      if (!resource) warnings.push(`EMR cluster ${cluster.name}: no EC2 or EMR price for its instance types`);
      return resource ? [resource] : [];
    });
    return { resources: [...resources.filter((resource) => resource !== undefined), ...clusters], warnings };
  },
};
