import { createInterface } from 'node:readline/promises';
import { clusterRate } from '../../core/hpc/clusterCost.js';
import {
  applyClusterUpdate,
  createClusterFromPlan,
  planClusterUpdate,
} from '../../core/hpc/clusterLifecycle.js';
import { clusterRecommendations } from '../../core/hpc/clusterRecommendations.js';
import { planClusterCreate } from '../../core/hpc/planClusterCreate.js';
import type { HpcCluster } from '../../core/hpc/ports.js';
import { findCluster, queueRows } from '../../core/hpc/slurmOnCluster.js';
import { CLUSTER_CREATE_TIMEOUT_MS, waitForClusterCreated } from '../../core/hpc/waitForCluster.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { CliError, usageError } from '../CliError.js';
import type { CommandContext } from '../Command.js';
import { renderTextTable } from '../output/renderTextTable.js';
import { openHpcSession } from './hpcCommandContext.js';
import { handOverToPcluster } from './pclusterEngine.js';

const usd = (value: number | undefined) => (value === undefined ? '?' : `$${value.toFixed(3)}`);

export function clusterJson(cluster: HpcCluster, rate: ReturnType<typeof clusterRate>) {
  return {
    name: cluster.name,
    region: cluster.region,
    status: cluster.status,
    made_by: cluster.made_by,
    version: cluster.version ?? null,
    compute_fleet: cluster.compute_fleet,
    head_node: cluster.head_node ?? null,
    nodes_up: rate.nodes_up,
    usd_per_hour: rate.usd_per_hour ?? null,
    created_at: cluster.created_at,
  };
}

export async function listClusters(context: CommandContext): Promise<number> {
  const { session } = await openHpcSession(context);
  const ops = session.operationsContext();
  const clusters = await session.account.hpc.listClusters(session.account.regions);
  const rows = clusters.map((cluster) => clusterJson(cluster, clusterRate(cluster, ops.prices)));
  if (context.flags.json) context.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  else if (rows.length === 0)
    context.stdout('No clusters. Create one with: cws-tui hpc create <name> --template slurm-small\n');
  else
    context.stdout(
      renderTextTable(rows, [
        { header: 'CLUSTER', value: (r) => r.name },
        { header: 'REGION', value: (r) => r.region },
        { header: 'STATUS', value: (r) => r.status },
        { header: 'FLEET', value: (r) => r.compute_fleet },
        { header: 'NODES UP', value: (r) => String(r.nodes_up), align: 'right' },
        { header: '$/H', value: (r) => usd(r.usd_per_hour ?? undefined), align: 'right' },
        { header: 'MADE BY', value: (r) => r.made_by },
      ]),
    );
  return 0;
}

export async function showCluster(context: CommandContext, name: string): Promise<number> {
  const { session, hpc, region } = await openHpcSession(context);
  const cluster = await findCluster(hpc, region, name);
  const rate = clusterRate(cluster, hpc.ops.prices);
  const failure =
    cluster.status === 'ROLLBACK_COMPLETE' || cluster.status.endsWith('FAILED')
      ? await session.account.hpc.firstFailure(region, name)
      : undefined;
  const ready = cluster.status === 'CREATE_COMPLETE' || cluster.status.startsWith('UPDATE_');
  const queues =
    ready && cluster.head_node?.state === 'running'
      ? await queueRows(hpc, cluster).catch((error: Error) => error)
      : undefined;
  if (context.flags.json) {
    context.stdout(
      `${JSON.stringify(
        {
          ...clusterJson(cluster, rate),
          first_failure: failure ?? null,
          recommendations: clusterRecommendations(cluster, hpc.ops.prices, undefined, Date.now()),
          queues: queues instanceof Error ? null : (queues ?? null),
          queues_error: queues instanceof Error ? queues.message : null,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  context.stdout(
    `${cluster.name} (${cluster.region}): ${cluster.status}, compute fleet ${cluster.compute_fleet}, ${rate.nodes_up} compute node(s) up, ${usd(rate.usd_per_hour)}/h\n`,
  );
  if (cluster.head_node)
    context.stdout(
      `head node: ${cluster.head_node.instance_id} ${cluster.head_node.instance_type} ${cluster.head_node.state}\n`,
    );
  if (failure) {
    context.stdout(
      `first failed resource: ${failure.logical_id} (${failure.resource_type}) in ${failure.stack} at ${failure.at}\n  ${sanitizeForTerminal(failure.reason)}\n`,
    );
    context.stdout(`Delete it with: cws-tui hpc delete ${cluster.name}\n`);
  }
  for (const recommendation of clusterRecommendations(cluster, hpc.ops.prices, undefined, Date.now()))
    context.stdout(`tip: ${sanitizeForTerminal(recommendation.message)}\n`);
  if (queues instanceof Error) context.stderr(`queues: ${sanitizeForTerminal(queues.message)}\n`);
  else if (queues)
    context.stdout(
      renderTextTable(queues, [
        { header: 'QUEUE', value: (q) => q.partition },
        { header: 'TYPES', value: (q) => q.instance_types.join(',') },
        { header: 'IDLE', value: (q) => String(q.idle), align: 'right' },
        { header: 'ALLOC', value: (q) => String(q.allocated), align: 'right' },
        { header: 'DOWN', value: (q) => String(q.down), align: 'right' },
        { header: 'POWERED DOWN', value: (q) => String(q.powered_down), align: 'right' },
        { header: 'MIN', value: (q) => String(q.min), align: 'right' },
        { header: 'MAX', value: (q) => String(q.max), align: 'right' },
      ]),
    );
  return 0;
}

export async function createCluster(context: CommandContext, name: string): Promise<number> {
  const template = context.flags.template;
  if (!template)
    throw usageError('name the template: hpc create <name> --template slurm-small (see hpc templates)');
  const { hpc, region } = await openHpcSession(context);
  const plan = await planClusterCreate(hpc, {
    name,
    template,
    region,
    ...(context.flags.efs ? { efs: context.flags.efs } : {}),
    ...(context.flags.fsx ? { fsx: context.flags.fsx } : {}),
  });
  if (context.flags.engine === 'pcluster') return handOverToPcluster(context, plan);
  if (context.flags.engine !== undefined && context.flags.engine !== 'cloudformation')
    throw usageError(`--engine is cloudformation (the default) or pcluster, not '${context.flags.engine}'`);
  if (!context.flags.json) context.stderr(`ParallelCluster configuration for ${name}:\n${plan.yaml}\n`);
  await createClusterFromPlan(hpc, plan, { confirmProvider: context.flags.yes });
  if (context.flags.wait) {
    const created = await waitForClusterCreated(hpc.ops.account.hpc, region, name, {
      intervalMs: hpc.ops.pollIntervalMs,
      timeoutMs: CLUSTER_CREATE_TIMEOUT_MS,
      onProgress: (line) => context.stderr(`${name}: ${line}\n`),
    });
    const rate = clusterRate(created, hpc.ops.prices);
    if (context.flags.json) context.stdout(`${JSON.stringify(clusterJson(created, rate), null, 2)}\n`);
    else
      context.stdout(
        `${name} is ready in ${region} (${usd(rate.usd_per_hour)}/h now; compute nodes only while jobs run). Submit a job: cws-tui hpc submit ${name} <script>\n`,
      );
    return 0;
  }
  if (context.flags.json)
    context.stdout(
      `${JSON.stringify({ name, region, status: 'CREATE_IN_PROGRESS', template: plan.template, head_node_usd_per_hour: plan.head_node_usd_per_hour ?? null, config: plan.config }, null, 2)}\n`,
    );
  else
    context.stdout(
      `Creating ${name} in ${region} from ${plan.template} (head node ${usd(plan.head_node_usd_per_hour)}/h; compute nodes only while jobs run). Watch it: cws-tui hpc show ${name}\n`,
    );
  return 0;
}

export async function updateCluster(context: CommandContext, name: string): Promise<number> {
  const { hpc, region } = await openHpcSession(context);
  const cluster = await findCluster(hpc, region, name);
  const plan = await planClusterUpdate(hpc, cluster, {
    ...(context.flags.queue ? { queue: context.flags.queue } : {}),
    ...(context.flags.min !== undefined ? { min: context.flags.min } : {}),
    ...(context.flags.max !== undefined ? { max: context.flags.max } : {}),
    ...(context.flags.idleMinutes !== undefined ? { idle_minutes: context.flags.idleMinutes } : {}),
  });
  if (!context.flags.json) {
    context.stderr(`${plan.changes.length === 0 ? 'Nothing changes.' : plan.changes.join('\n')}\n`);
    if (plan.fleet_stop_reason)
      context.stderr(`The compute fleet must be stopped first: ${plan.fleet_stop_reason}.\n`);
  }
  const applied = await applyClusterUpdate(hpc, cluster, plan, {
    stopFleet: context.flags.stopFirst,
    onProgress: (line) => context.stderr(`${name}: ${line}\n`),
  });
  if (context.flags.json)
    context.stdout(
      `${JSON.stringify({ name, changes: plan.changes, fleet_stop_reason: plan.fleet_stop_reason ?? null, stopped_fleet: applied.stopped_fleet }, null, 2)}\n`,
    );
  else if (plan.changes.length > 0)
    context.stdout(
      `Updating ${name}.${applied.stopped_fleet ? ` Start the fleet again once it is UPDATE_COMPLETE: cws-tui hpc start ${name}` : ''}\n`,
    );
  return 0;
}

export async function setFleet(
  context: CommandContext,
  name: string,
  action: 'stop' | 'start',
): Promise<number> {
  const { hpc, region } = await openHpcSession(context);
  const cluster = await findCluster(hpc, region, name);
  await hpc.ops.account.hpc.setComputeFleet(
    region,
    cluster.name,
    action === 'stop' ? 'STOP_REQUESTED' : 'START_REQUESTED',
  );
  await hpc.ops.audit({ action: `hpc.${action}`, profile: hpc.ops.profile.name, targets: [name] });
  if (context.flags.json)
    context.stdout(
      `${JSON.stringify({ name, compute_fleet: action === 'stop' ? 'STOP_REQUESTED' : 'START_REQUESTED' }, null, 2)}\n`,
    );
  else
    context.stdout(
      action === 'stop'
        ? `Stopping ${name}'s compute fleet: its nodes end and jobs wait; the head node keeps running.\n`
        : `Starting ${name}'s compute fleet.\n`,
    );
  return 0;
}

export async function deleteCluster(context: CommandContext, name: string): Promise<number> {
  const { hpc, region } = await openHpcSession(context);
  const cluster = await findCluster(hpc, region, name);
  if (!context.flags.yes) {
    if (!process.stdin.isTTY)
      throw usageError(
        `hpc delete removes ${name}, its head node and its compute nodes: add --yes to confirm when not in a terminal`,
      );
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = await prompt.question(
        `Delete cluster ${name} (${cluster.status})? Its head node and local data go. Type its name to confirm: `,
      );
      if (answer.trim() !== name) throw new CliError('not confirmed: nothing was deleted');
    } finally {
      prompt.close();
    }
  }
  await hpc.ops.account.hpc.deleteCluster(region, name);
  await hpc.ops.audit({ action: 'hpc.delete', profile: hpc.ops.profile.name, targets: [name] });
  if (context.flags.json)
    context.stdout(`${JSON.stringify({ name, status: 'DELETE_IN_PROGRESS' }, null, 2)}\n`);
  else context.stdout(`Deleting ${name}.\n`);
  return 0;
}
