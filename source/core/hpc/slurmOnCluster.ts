import { sanitizeCommandOutput } from '../text/sanitizeCommandOutput.js';
import { type HpcContext, HpcError } from './HpcContext.js';
import { parseSacct, parseSinfo, parseSqueue } from './parseSlurmOutput.js';
import type { HeadNodeRun, HpcCluster } from './ports.js';
import type { SlurmAccountingRecord, SlurmJob, SlurmPartitionNodes } from './SlurmJob.js';
import { type SlurmOperation, slurmScript } from './slurmScripts.js';

const READY = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_FAILED']);

/** The cluster by name, or a clear refusal. */
export async function findCluster(context: HpcContext, region: string, name: string): Promise<HpcCluster> {
  const cluster = await context.ops.account.hpc.describeCluster(region, name);
  if (!cluster)
    throw new HpcError(`no cluster named ${name} in ${region}`, 'List them with: cws-tui hpc list');
  return cluster;
}

/** The head node's instance id, once the cluster runs and its SSM agent answers. */
export async function readyHeadNode(context: HpcContext, cluster: HpcCluster): Promise<string> {
  if (!READY.has(cluster.status))
    throw new HpcError(
      `${cluster.name} is ${cluster.status}: Slurm answers once it is CREATE_COMPLETE`,
      cluster.status.endsWith('IN_PROGRESS')
        ? `Wait, and watch it with: cws-tui hpc show ${cluster.name}`
        : undefined,
    );
  const head = cluster.head_node;
  if (head?.state !== 'running')
    throw new HpcError(`${cluster.name}'s head node is ${head?.state ?? 'missing'}`);
  if (!(await context.ops.account.hpc.headNodeReachable(cluster.region, head.instance_id)))
    throw new HpcError(
      `the head node ${head.instance_id} has no SSM agent registered with Systems Manager, so jobs cannot be sent to it`,
      'Its role needs AmazonSSMManagedInstanceCore (clusters made by the app have it; for a pcluster-made one add it under HeadNode.Iam.AdditionalIamPolicies and run pcluster update-cluster), and its subnet needs a route to SSM (public IP, NAT, or ssm/ssmmessages/ec2messages endpoints). Check with: aws ssm describe-instance-information',
    );
  return head.instance_id;
}

async function run(
  context: HpcContext,
  cluster: HpcCluster,
  operation: SlurmOperation,
): Promise<HeadNodeRun> {
  const head = await readyHeadNode(context, cluster);
  return context.ops.account.hpc.runOnHeadNode(
    cluster.region,
    head,
    slurmScript(operation),
    `cws-tui hpc ${operation.op} ${cluster.name}`,
  );
}

/** Slurm's own words, sanitized: what sbatch, scancel or squeue said when they refused. */
function slurmFailure(what: string, result: HeadNodeRun): HpcError {
  const said =
    sanitizeCommandOutput(`${result.stderr}${result.stdout}`).trim() || `exit code ${result.exit_code}`;
  return new HpcError(`${what} failed:\n${said}`);
}

export async function listJobs(
  context: HpcContext,
  cluster: HpcCluster,
  filter: { user?: string; state?: string } = {},
): Promise<SlurmJob[]> {
  const result = await run(context, cluster, { op: 'squeue', ...(filter.user ? { user: filter.user } : {}) });
  if (result.exit_code !== 0) throw slurmFailure('squeue', result);
  const state = filter.state?.toUpperCase();
  return parseSqueue(result.stdout).filter((job) => !state || job.state === state);
}

export interface QueueRow extends SlurmPartitionNodes {
  instance_types: string[];
  min: number;
  max: number;
  capacity_type?: string;
}

/** Each queue's nodes (idle, allocated, down, powered down) with its autoscaling limits. */
export async function queueRows(context: HpcContext, cluster: HpcCluster): Promise<QueueRow[]> {
  const result = await run(context, cluster, { op: 'sinfo' });
  if (result.exit_code !== 0) throw slurmFailure('sinfo', result);
  const nodes = new Map(parseSinfo(result.stdout).map((p) => [p.partition.replace(/\*$/, ''), p]));
  const queues =
    cluster.config?.Scheduling.SlurmQueues ??
    [...nodes.keys()].map((Name) => ({ Name, ComputeResources: [], CapacityType: undefined }));
  return queues.map((queue) => ({
    ...(nodes.get(queue.Name) ?? { idle: 0, allocated: 0, down: 0, powered_down: 0, changing: 0 }),
    partition: queue.Name,
    instance_types: queue.ComputeResources.map((r) => r.Instances[0]?.InstanceType ?? '?'),
    min: queue.ComputeResources.reduce((sum, r) => sum + r.MinCount, 0),
    max: queue.ComputeResources.reduce((sum, r) => sum + r.MaxCount, 0),
    ...(queue.CapacityType ? { capacity_type: queue.CapacityType } : {}),
  }));
}

/** Creates the lab's research users on the head node with their UIDs (idempotent). */
export async function ensureResearchUsers(
  context: HpcContext,
  cluster: HpcCluster,
  only?: string,
): Promise<string[]> {
  const users = (await context.researchUsers()).filter((user) => !only || user.username === only);
  const result = await run(context, cluster, {
    op: 'users',
    users: users.map((user) => ({ name: user.username, uid: user.uid })),
  });
  if (result.exit_code !== 0) throw slurmFailure('creating the research users', result);
  return users.map((user) => user.username);
}

export async function cancelJob(context: HpcContext, cluster: HpcCluster, jobId: string): Promise<void> {
  if (!/^\d+(_\d+)?$/.test(jobId))
    throw new HpcError(`'${jobId}' is not a Slurm job id (123 or 123_4)`, undefined, 2);
  const user = await context.ops.researchUser();
  const result = await run(context, cluster, { op: 'scancel', user: user.username, job_id: jobId });
  if (result.exit_code !== 0) throw slurmFailure(`scancel ${jobId}`, result);
}

export async function jobHistory(
  context: HpcContext,
  cluster: HpcCluster,
  since: string,
  user?: string,
): Promise<SlurmAccountingRecord[]> {
  const result = await run(context, cluster, { op: 'sacct', since, ...(user ? { user } : {}) });
  if (result.exit_code !== 0) throw slurmFailure('sacct', result);
  return parseSacct(result.stdout);
}

/** The last lines of a job's output file, as its owner reads it. */
export async function jobOutputTail(
  context: HpcContext,
  cluster: HpcCluster,
  jobId: string,
  lines = 20,
): Promise<string> {
  const user = await context.ops.researchUser();
  const result = await run(context, cluster, { op: 'tail', user: user.username, job_id: jobId, lines });
  if (result.exit_code !== 0) throw slurmFailure(`reading the output of ${jobId}`, result);
  return sanitizeCommandOutput(result.stdout);
}

export { run as runSlurm };
