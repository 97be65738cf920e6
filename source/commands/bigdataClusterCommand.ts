import { addClusterStep } from '../core/bigdata/addClusterStep.js';
import { BigDataError } from '../core/bigdata/BigDataError.js';
import { type EmrCluster, isFinalStepState } from '../core/bigdata/clusterPorts.js';
import { createEmrCluster } from '../core/bigdata/createEmrCluster.js';
import { emrClusterUsdPerHour } from '../core/bigdata/emrClusterCostResource.js';
import { emrClusterFindings } from '../core/bigdata/emrClusterFindings.js';
import { findEmrCluster } from '../core/bigdata/findEmrCluster.js';
import { resizeEmrCluster } from '../core/bigdata/resizeEmrCluster.js';
import { formatUsdPerHour } from '../core/cost/formatUsd.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { bigDataContextOf, bigDataRegions } from './bigdataSession.js';
import { EXIT, usageError } from './CliError.js';
import type { CommandContext } from './Command.js';
import { openCommandSession } from './openCommandSession.js';
import { renderTextTable } from './output/renderTextTable.js';

export const CLUSTER_USAGE = [
  'bigdata cluster create <template> <name> [--region R] [--release emr-7.5.0] [--nodes N] [--bucket B]...',
  'bigdata cluster list | show <cluster> | resize <cluster> --nodes N | terminate <cluster> --yes [--json]',
  'bigdata cluster step <cluster> <entry.py|entry.jar|s3://...> [--args A]... [--conf k=v]... | steps <cluster> | cancel <cluster> <step>',
];

const usage = () => usageError(`usage: cws-tui ${CLUSTER_USAGE.join('\n       cws-tui ')}`);

/** A cluster as `--json` prints it, with its $/h now. */
export function clusterJson(cluster: EmrCluster) {
  return { ...cluster, usd_per_hour: emrClusterUsdPerHour(cluster).usd_per_hour ?? null };
}

function nodesText(cluster: EmrCluster): string {
  return cluster.fleets
    .map((fleet) => {
      const up = fleet.provisioned_on_demand + fleet.provisioned_spot;
      return `${fleet.role} ${up}/${fleet.on_demand + fleet.spot}`;
    })
    .join(', ');
}

function rateText(cluster: EmrCluster): string {
  const rate = emrClusterUsdPerHour(cluster).usd_per_hour;
  return rate === undefined ? '-' : formatUsdPerHour(rate);
}

/** `cws-tui bigdata cluster ...`: EMR on EC2 clusters, from templates, under the policy. */
export async function runBigdataClusterCommand(context: CommandContext, rest: string[]): Promise<number> {
  const [sub, first, second, ...extra] = rest;
  if (extra.length > 0) throw usage();
  const session = await openCommandSession(context);
  const regions = bigDataRegions(context, session);
  const clusters = session.account.bigdata.clusters;
  const { flags } = context;
  const print = (text: string) => context.stdout(`${sanitizeForTerminal(text, { keepNewlines: true })}\n`);
  const json = (value: unknown) => context.stdout(`${JSON.stringify(value, null, 2)}\n`);
  switch (sub) {
    case 'create': {
      if (!first || !second) throw usage();
      const cluster = await createEmrCluster(bigDataContextOf(session), {
        template: await session.resolveTemplate(first),
        name: second,
        region: flags.region ?? session.info.region,
        data_buckets: flags.bucket,
        ...(flags.release ? { release_label: flags.release } : {}),
        ...(flags.nodes !== undefined ? { core_nodes: flags.nodes } : {}),
      });
      if (flags.json) json(clusterJson(cluster));
      else
        print(
          `Created ${cluster.name} (${cluster.id}) in ${cluster.region}: ${cluster.release_label}, ${cluster.applications.join(', ')}; ` +
            `${cluster.auto_termination_idle_minutes === undefined ? 'no auto-termination' : `terminates after ${cluster.auto_termination_idle_minutes} min idle`}.\n` +
            `It is ${cluster.state}; ready in about 7 minutes: cws-tui bigdata cluster show ${cluster.name}`,
        );
      return EXIT.ok;
    }
    case 'list': {
      if (first) throw usage();
      const listed = await clusters.listClusters(regions);
      if (flags.json) json(listed.map(clusterJson));
      else if (listed.length === 0)
        print('No EMR clusters. Create one with: cws-tui bigdata cluster create emr-spark-cluster <name>');
      else
        context.stdout(
          renderTextTable(listed, [
            { header: 'NAME', value: (row) => row.name },
            { header: 'ID', value: (row) => row.id },
            { header: 'STATE', value: (row) => row.state },
            { header: 'NODES', value: nodesText },
            {
              header: 'AUTO-TERM',
              value: (row) =>
                row.auto_termination_idle_minutes === undefined
                  ? 'off'
                  : `${row.auto_termination_idle_minutes}m`,
            },
            { header: 'REGION', value: (row) => row.region },
            { header: '$/H', value: rateText, align: 'right' },
          ]),
        );
      return EXIT.ok;
    }
    case 'show': {
      if (!first || second) throw usage();
      const cluster = await findEmrCluster(clusters, regions, first);
      const steps = await clusters.listSteps(cluster.region, cluster.id);
      const findings = emrClusterFindings(cluster, steps, new Date());
      if (flags.json) {
        json({ ...clusterJson(cluster), findings });
        return EXIT.ok;
      }
      print(
        [
          `${cluster.name} (${cluster.id}) in ${cluster.region}: ${cluster.state}${cluster.state_details ? ` (${cluster.state_details})` : ''}`,
          `  release        ${cluster.release_label}: ${cluster.applications.join(', ')}`,
          ...cluster.fleets.map(
            (fleet) =>
              `  ${`${fleet.role} fleet`.padEnd(15)}${fleet.instance_types.join('|')}: ${fleet.on_demand} on demand, ${fleet.spot} spot (up: ${fleet.provisioned_on_demand + fleet.provisioned_spot}) ${fleet.id}`,
          ),
          `  scaling        ${cluster.managed_scaling ? `${cluster.managed_scaling.min}-${cluster.managed_scaling.max} core nodes` : 'off'}`,
          `  auto-term      ${cluster.auto_termination_idle_minutes === undefined ? 'off' : `after ${cluster.auto_termination_idle_minutes} min idle`}`,
          `  cost           ${rateText(cluster)} (EC2 + EMR + EBS)`,
          `  steps          ${steps.length} (cws-tui bigdata cluster steps ${cluster.name})`,
          ...findings.map((finding) => `  finding        ${finding.message}`),
        ].join('\n'),
      );
      return EXIT.ok;
    }
    case 'resize': {
      if (!first || second) throw usage();
      if (flags.nodes === undefined)
        throw usageError('usage: cws-tui bigdata cluster resize <cluster> --nodes N');
      const cluster = await findEmrCluster(clusters, regions, first);
      const target = await resizeEmrCluster(bigDataContextOf(session), cluster, flags.nodes);
      if (flags.json) json({ id: cluster.id, core: target });
      else
        print(
          `Resizing ${cluster.name}'s core fleet to ${target.on_demand + target.spot} ${target.spot > 0 ? 'spot' : 'on-demand'} nodes.`,
        );
      return EXIT.ok;
    }
    case 'terminate': {
      if (!first || second) throw usage();
      if (!flags.yes)
        throw usageError(`terminate ends the cluster ${first} and its HDFS data: add --yes to confirm`);
      const cluster = await findEmrCluster(clusters, regions, first);
      await clusters.terminateCluster(cluster.region, cluster.id);
      if (flags.json) json({ id: cluster.id, action: 'terminate' });
      else print(`Terminating ${cluster.name} (${cluster.id}).`);
      return EXIT.ok;
    }
    case 'step': {
      if (!first || !second) throw usage();
      const added = await addClusterStep(bigDataContextOf(session), {
        cluster: first,
        regions,
        entry: second,
        args: flags.args,
        conf: flags.conf,
        data_buckets: flags.bucket,
      });
      if (flags.json)
        json({
          cluster: added.cluster.name,
          step_id: added.step_id,
          entry_point: added.prepared.entry_point,
        });
      else
        print(
          `Added step ${added.step_id} (${added.prepared.name}) to ${added.cluster.name}; script at ${added.prepared.entry_point}.\n` +
            `Watch it: cws-tui bigdata cluster steps ${added.cluster.name}`,
        );
      return EXIT.ok;
    }
    case 'steps': {
      if (!first || second) throw usage();
      const cluster = await findEmrCluster(clusters, regions, first);
      const steps = await clusters.listSteps(cluster.region, cluster.id);
      if (flags.json) json(steps);
      else if (steps.length === 0)
        print(`No steps on ${cluster.name}: cws-tui bigdata cluster step ${cluster.name} <script.py>`);
      else {
        context.stdout(
          renderTextTable(steps, [
            { header: 'STEP', value: (step) => step.id },
            { header: 'NAME', value: (step) => step.name },
            { header: 'STATE', value: (step) => step.state },
            { header: 'CREATED', value: (step) => step.created_at.replace(/\.\d+Z$/, 'Z') },
          ]),
        );
        for (const step of steps.filter((s) => s.failure)) print(`${step.id} failed: ${step.failure}`);
      }
      return EXIT.ok;
    }
    case 'cancel': {
      if (!first || !second) throw usage();
      const cluster = await findEmrCluster(clusters, regions, first);
      const step = (await clusters.listSteps(cluster.region, cluster.id)).find((s) => s.id === second);
      if (!step) throw new BigDataError('not-found', `no step ${second} on ${cluster.name}`);
      if (isFinalStepState(step.state))
        throw new BigDataError('input', `cannot cancel ${step.id}: it is already ${step.state}`);
      await clusters.cancelStep(cluster.region, cluster.id, step.id);
      if (flags.json) json({ id: step.id, action: 'cancel' });
      else print(`Cancelling ${step.id}.`);
      return EXIT.ok;
    }
    default:
      throw usage();
  }
}
