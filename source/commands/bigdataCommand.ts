import { randomUUID } from 'node:crypto';
import { createSparkApplication } from '../core/bigdata/createSparkApplication.js';
import { capacityUsdPerHour, initialCapacityOf, serverlessRates } from '../core/bigdata/emrPricing.js';
import { findSparkApplication } from '../core/bigdata/findSparkApplication.js';
import type { SparkApplication } from '../core/bigdata/ports.js';
import { sparkApplicationFindings } from '../core/bigdata/sparkApplicationFindings.js';
import { formatUsdPerHour } from '../core/cost/formatUsd.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { asCliError, bigDataContextOf, bigDataRegions } from './bigdataSession.js';
import { EXIT, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { openCommandSession } from './openCommandSession.js';
import { renderTextTable } from './output/renderTextTable.js';

export const BIGDATA_USAGE = [
  'bigdata create <template> <name> [--region R] [--release emr-7.5.0] [--max-vcpu N] [--max-memory GB] [--bucket B]...',
  'bigdata list|show <app>|start <app>|stop <app>|delete <app> --yes [--json]',
  'bigdata submit <app> <entry.py|entry.jar|s3://...> [--args A]... [--conf k=v]... [--bucket B]... [--attempts N] [--follow]',
  'bigdata runs <app> | logs <app> <run> | cancel <app> <run> | ui <app> <run> [--json]',
  'bigdata studio create|show|connect [--region R] [--print] [--json]',
  'bigdata cluster create|list|show|resize|terminate|step|steps|cancel ... (cws-tui bigdata cluster for details)',
];

/** `cws-tui bigdata ...`: Spark on EMR Serverless, from templates, under the policy. */
export const runBigdataCommand: CommandRun = async (context) => {
  const [sub, ...rest] = context.args;
  try {
    switch (sub) {
      case 'create':
        return await create(context, rest);
      case 'list':
        return await list(context, rest);
      case 'show':
        return await show(context, rest);
      case 'start':
      case 'stop':
      case 'delete':
        return await lifecycle(context, sub, rest);
      case 'submit':
      case 'runs':
      case 'logs':
      case 'cancel':
      case 'ui':
        return await (await import('./bigdataRunCommands.js')).runBigdataRunCommand(context, sub, rest);
      case 'cluster':
        return await (await import('./bigdataClusterCommand.js')).runBigdataClusterCommand(context, rest);
      case 'studio':
        return await (await import('./bigdataStudioCommand.js')).runBigdataStudioCommand(context, rest);
      default:
        throw usageError(
          `${sub ? `unknown bigdata subcommand '${sub}'\n` : ''}usage: cws-tui ${BIGDATA_USAGE.join('\n       cws-tui ')}`,
        );
    }
  } catch (error) {
    throw asCliError(error);
  }
};

/** $/h of the warm capacity while started, and at the maximum capacity (the cap). */
export function applicationRates(application: SparkApplication): { warm?: number; cap?: number } {
  const rates = serverlessRates(application.region, application.architecture);
  if (!rates) return {};
  return {
    warm: capacityUsdPerHour(initialCapacityOf(application.initial_capacity), rates),
    cap: capacityUsdPerHour(application.maximum_capacity, rates),
  };
}

export function applicationJson(application: SparkApplication) {
  const rates = applicationRates(application);
  return {
    ...application,
    usd_per_hour_warm: rates.warm ?? null,
    usd_per_hour_at_max_capacity: rates.cap ?? null,
  };
}

async function create(context: CommandContext, rest: string[]): Promise<number> {
  const [templateName, name, ...extra] = rest;
  if (!templateName || !name || extra.length > 0) throw usageError(`usage: cws-tui ${BIGDATA_USAGE[0]}`);
  const session = await openCommandSession(context);
  const template = await session.resolveTemplate(templateName);
  const { flags } = context;
  const application = await createSparkApplication(bigDataContextOf(session), {
    template,
    name,
    region: flags.region ?? session.info.region,
    data_buckets: flags.bucket,
    client_token: randomUUID(),
    ...(flags.release ? { release_label: flags.release } : {}),
    ...(flags.maxVcpu !== undefined ? { max_vcpu: flags.maxVcpu } : {}),
    ...(flags.maxMemory !== undefined ? { max_memory_gb: flags.maxMemory } : {}),
  });
  if (flags.json) context.stdout(`${JSON.stringify(applicationJson(application), null, 2)}\n`);
  else {
    const rates = applicationRates(application);
    context.stdout(
      `Created ${application.name} (${application.id}) in ${application.region}: ${application.release_label}, ` +
        `up to ${application.maximum_capacity.vcpu} vCPU / ${application.maximum_capacity.memory_gb} GB` +
        (rates.cap !== undefined ? ` (at most ${formatUsdPerHour(rates.cap)})` : '') +
        `, ${application.auto_stop_idle_minutes === undefined ? 'no auto-stop' : `auto-stop after ${application.auto_stop_idle_minutes} min idle`}.\n` +
        `Submit a job: cws-tui bigdata submit ${application.name} <script.py>\n`,
    );
  }
  return EXIT.ok;
}

async function list(context: CommandContext, rest: string[]): Promise<number> {
  if (rest.length > 0) throw usageError('usage: cws-tui bigdata list [--json]');
  const session = await openCommandSession(context);
  const applications = await session.account.bigdata.serverless.listApplications(
    bigDataRegions(context, session),
  );
  if (context.flags.json) {
    context.stdout(`${JSON.stringify(applications.map(applicationJson), null, 2)}\n`);
    return EXIT.ok;
  }
  if (applications.length === 0) {
    context.stdout(
      'No EMR Serverless applications. Create one with: cws-tui bigdata create spark-serverless <name>\n',
    );
    return EXIT.ok;
  }
  context.stdout(
    renderTextTable(applications, [
      { header: 'NAME', value: (row) => row.name },
      { header: 'STATE', value: (row) => row.state },
      { header: 'RELEASE', value: (row) => row.release_label },
      {
        header: 'MAX',
        value: (row) => `${row.maximum_capacity.vcpu} vCPU/${row.maximum_capacity.memory_gb} GB`,
      },
      {
        header: 'AUTO-STOP',
        value: (row) => (row.auto_stop_idle_minutes === undefined ? 'off' : `${row.auto_stop_idle_minutes}m`),
      },
      { header: 'REGION', value: (row) => row.region },
      {
        header: '$/H MAX',
        value: (row) => {
          const cap = applicationRates(row).cap;
          return cap === undefined ? '-' : formatUsdPerHour(cap);
        },
        align: 'right',
      },
    ]),
  );
  return EXIT.ok;
}

async function show(context: CommandContext, rest: string[]): Promise<number> {
  const [name, ...extra] = rest;
  if (!name || extra.length > 0) throw usageError('usage: cws-tui bigdata show <app> [--json]');
  const session = await openCommandSession(context);
  const application = await findSparkApplication(
    session.account.bigdata.serverless,
    bigDataRegions(context, session),
    name,
  );
  if (context.flags.json) {
    context.stdout(`${JSON.stringify(applicationJson(application), null, 2)}\n`);
    return EXIT.ok;
  }
  const rates = applicationRates(application);
  const warm = initialCapacityOf(application.initial_capacity);
  const runs = await session.account.bigdata.serverless.listJobRuns(application.region, application.id);
  const findings = sparkApplicationFindings(application, runs, new Date());
  const lines = [
    `${application.name} (${application.id}) in ${application.region}: ${application.state}${application.state_details ? ` (${application.state_details})` : ''}`,
    `  release        ${application.release_label} (${application.architecture})`,
    `  max capacity   ${application.maximum_capacity.vcpu} vCPU, ${application.maximum_capacity.memory_gb} GB, ${application.maximum_capacity.disk_gb} GB disk${rates.cap !== undefined ? ` (at most ${formatUsdPerHour(rates.cap)})` : ''}`,
    `  warm capacity  ${warm.vcpu} vCPU, ${warm.memory_gb} GB${rates.warm ? ` (${formatUsdPerHour(rates.warm)} while started)` : ''}`,
    `  auto start     ${application.auto_start ? 'on' : 'off'}; auto stop ${application.auto_stop_idle_minutes === undefined ? 'off' : `after ${application.auto_stop_idle_minutes} min idle`}`,
    `  network        ${application.network ? `VPC subnets ${application.network.subnet_ids.join(', ')}` : 'no VPC access'}`,
    `  runs           ${runs.length} (cws-tui bigdata runs ${application.name})`,
    ...findings.map((finding) => `  finding        ${finding.message}`),
  ];
  context.stdout(`${lines.map((line) => sanitizeForTerminal(line)).join('\n')}\n`);
  return EXIT.ok;
}

async function lifecycle(
  context: CommandContext,
  action: 'start' | 'stop' | 'delete',
  rest: string[],
): Promise<number> {
  const [name, ...extra] = rest;
  if (!name || extra.length > 0)
    throw usageError(`usage: cws-tui bigdata ${action} <app>${action === 'delete' ? ' --yes' : ''}`);
  if (action === 'delete' && !context.flags.yes)
    throw usageError(`delete removes the application ${name} and its run history: add --yes to confirm`);
  const session = await openCommandSession(context);
  const serverless = session.account.bigdata.serverless;
  const application = await findSparkApplication(serverless, bigDataRegions(context, session), name);
  if (action === 'start') await serverless.startApplication(application.region, application.id);
  else if (action === 'stop') await serverless.stopApplication(application.region, application.id);
  else await serverless.deleteApplication(application.region, application.id);
  const done = { start: 'Starting', stop: 'Stopping', delete: 'Deleted' }[action];
  if (context.flags.json)
    context.stdout(`${JSON.stringify({ name: application.name, id: application.id, action })}\n`);
  else context.stdout(`${done} ${application.name} (${application.id}).\n`);
  return EXIT.ok;
}
