import type { CostFinding, CostFindingSource } from '../cost/CostFinding.js';
import { HOURS_PER_MONTH } from '../cost/PriceQuote.js';
import { isEndedCluster } from './clusterPorts.js';
import { type EmrClusterFinding, emrClusterFindings } from './emrClusterFindings.js';
import { type BigDataFinding, sparkApplicationFindings } from './sparkApplicationFindings.js';

/** What fixes each EMR finding: a command when one exists, else the template change. */
function clusterFix(finding: EmrClusterFinding): string {
  switch (finding.kind) {
    case 'idle-cluster':
      return `cws-tui bigdata cluster terminate ${finding.cluster} --yes`;
    case 'no-auto-termination':
      return `set auto_termination_idle_minutes in its template (or cws-tui bigdata cluster terminate ${finding.cluster} --yes when done)`;
    case 'on-demand-core':
      return "give the template's core fleet spot capacity";
  }
}

function applicationFix(finding: BigDataFinding): string {
  return finding.kind === 'idle-warm-capacity'
    ? `cws-tui bigdata stop ${finding.application}`
    : 'set auto_stop_idle_minutes in its template';
}

/** An idle resource's rate, kept up for a month: what stopping it saves at most. */
function monthly(usdPerHour: number | undefined): { monthly_saving_usd?: number } {
  return usdPerHour === undefined
    ? {}
    : { monthly_saving_usd: Math.round(usdPerHour * HOURS_PER_MONTH * 100) / 100 };
}

/**
 * EMR's findings in `cost findings`: the rules `bigdata show` and `bigdata cluster show` apply,
 * over every managed Spark application not terminated and every cluster not ended.
 */
export const bigdataFindingSource: CostFindingSource = {
  service: 'EMR',
  async list({ account, regions, now }): Promise<CostFinding[]> {
    const { serverless, clusters } = account.bigdata;
    const [applications, emrClusters] = await Promise.all([
      serverless.listApplications(regions),
      clusters.listClusters(regions),
    ]);
    const fromApplications = await Promise.all(
      applications
        .filter(
          (application) => application.tags['cws:managed'] === 'true' && application.state !== 'TERMINATED',
        )
        .map(async (application) => {
          const runs = await serverless.listJobRuns(application.region, application.id);
          return sparkApplicationFindings(application, runs, now).map((finding) => ({
            service: 'EMR Serverless',
            resource: `${application.name} (${application.id})`,
            kind: finding.kind,
            what: finding.message,
            ...monthly(finding.usd_per_hour),
            fix: applicationFix(finding),
          }));
        }),
    );
    const fromClusters = await Promise.all(
      emrClusters
        .filter((cluster) => !isEndedCluster(cluster.state))
        .map(async (cluster) => {
          const steps = await clusters.listSteps(cluster.region, cluster.id);
          return emrClusterFindings(cluster, steps, now).map((finding) => ({
            service: 'EMR',
            resource: `${cluster.name} (${cluster.id})`,
            kind: finding.kind,
            what: finding.message,
            ...monthly(finding.usd_per_hour),
            fix: clusterFix(finding),
          }));
        }),
    );
    return [...fromApplications.flat(), ...fromClusters.flat()];
  },
};
