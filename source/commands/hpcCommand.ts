import { buildParallelClusterConfig } from '../core/hpc/buildParallelClusterConfig.js';
import { HpcError } from '../core/hpc/HpcContext.js';
import { renderClusterConfigYaml } from '../core/hpc/renderClusterConfigYaml.js';
import { TAG } from '../core/ports.js';
import { sanitizeCommandOutput } from '../core/text/sanitizeCommandOutput.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { CliError, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import {
  createCluster,
  deleteCluster,
  listClusters,
  setFleet,
  showCluster,
  updateCluster,
} from './hpc/hpcClusterCommands.js';
import { openHpcSession } from './hpc/hpcCommandContext.js';
import { cancelCommand, historyCommand, jobsCommand, submitCommand } from './hpc/hpcJobCommands.js';

const USAGE = `usage: cws-tui hpc list | templates | config <template> [--efs fs-..] [--fsx fs-..]
       hpc create <name> --template T [--efs fs-..] [--fsx fs-..] [--engine cloudformation|pcluster] [--yes]
       hpc show|stop|start|connect <name> | hpc delete <name> [--yes]
       hpc update <name> [--queue Q[/R] --min N --max N] [--idle-minutes M] [--stop-first]
       hpc jobs <name> [--user U] [--state S] | hpc submit <name> <script> [--partition P] [--nodes N] [--time T] [-- sbatch args]
       hpc cancel <name> <jobid> | hpc history <name> [--since 2d|DATE] [--user U]      (all take --json)`;

async function listTemplates(context: CommandContext): Promise<number> {
  const { session } = await openHpcSession(context);
  const registry = await session.templates();
  const clusters = [];
  for (const slug of registry.templates.keys()) {
    const template = await session.resolveTemplate(slug).catch(() => undefined);
    if (template?.cluster_config) clusters.push(template);
  }
  if (context.flags.json)
    context.stdout(
      `${JSON.stringify(
        clusters.map((t) => ({
          slug: t.slug,
          name: t.name,
          description: t.description,
          cluster_config: t.cluster_config,
        })),
        null,
        2,
      )}\n`,
    );
  else
    for (const t of clusters) context.stdout(`${t.slug.padEnd(16)} ${sanitizeForTerminal(t.description)}\n`);
  return 0;
}

async function showConfig(context: CommandContext, slug: string): Promise<number> {
  const { hpc, region } = await openHpcSession(context);
  const template = await hpc.resolveTemplate(slug);
  const config = buildParallelClusterConfig({
    template,
    region,
    subnet_id: 'subnet-00000000',
    ...(context.flags.efs ? { efs: context.flags.efs } : {}),
    ...(context.flags.fsx ? { fsx: context.flags.fsx } : {}),
    tags: { [TAG.managed]: 'true', [TAG.template]: template.slug },
  });
  context.stdout(
    context.flags.json
      ? `${JSON.stringify(config, null, 2)}\n`
      : `# subnet-00000000 stands for the subnet hpc create picks\n${renderClusterConfigYaml(config)}`,
  );
  return 0;
}

async function connect(context: CommandContext, name: string): Promise<number> {
  const { hpc, region } = await openHpcSession(context);
  const cluster = await hpc.ops.account.hpc.describeCluster(region, name);
  const head = cluster?.head_node;
  if (!cluster || !head) throw new CliError(`no running cluster named ${name} in ${region}`);
  const user = await hpc.ops.researchUser();
  const plan = {
    cluster: name,
    head_node: head.instance_id,
    user: user.username,
    ssm: `aws ssm start-session --region ${region} --target ${head.instance_id}`,
    on_head_node: `sudo -iu ${user.username}`,
  };
  if (context.flags.json) context.stdout(`${JSON.stringify(plan, null, 2)}\n`);
  else context.stdout(`${plan.ssm}\n# then, on the head node: ${plan.on_head_node}\n`);
  return 0;
}

/** `cws-tui hpc`: Slurm clusters on AWS ParallelCluster and their jobs. */
export const runHpcCommand: CommandRun = async (context) => {
  const [sub, name, ...rest] = context.args;
  try {
    if (sub === 'list' && !name) return await listClusters(context);
    if (sub === 'templates' && !name) return await listTemplates(context);
    if (sub === 'config' && name && rest.length === 0) return await showConfig(context, name);
    if (!name) throw usageError(USAGE);
    if (sub === 'submit' && rest[0]) return await submitCommand(context, name, rest[0], rest.slice(1));
    if (sub === 'cancel' && rest.length === 1 && rest[0]) return await cancelCommand(context, name, rest[0]);
    if (rest.length > 0) throw usageError(USAGE);
    if (sub === 'create') return await createCluster(context, name);
    if (sub === 'show') return await showCluster(context, name);
    if (sub === 'update') return await updateCluster(context, name);
    if (sub === 'stop' || sub === 'start') return await setFleet(context, name, sub);
    if (sub === 'delete') return await deleteCluster(context, name);
    if (sub === 'connect') return await connect(context, name);
    if (sub === 'jobs') return await jobsCommand(context, name);
    if (sub === 'history') return await historyCommand(context, name);
  } catch (error) {
    if (error instanceof HpcError)
      throw new CliError(
        sanitizeCommandOutput(error.hint ? `${error.message}\n${error.hint}` : error.message),
        error.exitCode,
      );
    throw error;
  }
  throw usageError(USAGE);
};
