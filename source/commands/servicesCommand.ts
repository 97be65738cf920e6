import { formatUsdPerHour } from '../core/cost/formatUsd.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { EXIT, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import { runLaunchCommand } from './launchCommand.js';
import { workstationJson } from './listCommand.js';
import { openCommandSession } from './openCommandSession.js';
import { renderTextTable } from './output/renderTextTable.js';
import { reportListingFailures, unknownRows } from './reportListingFailures.js';

const USAGE =
  'usage: cws-tui services list | launch <template> <name> [--size S | --type T] [--notebook URL] | health <name> | cleanup [--delete-domain] --yes';

/**
 * `cws-tui services ...`: the managed web services (SageMaker Studio and Canvas, Studio Lab).
 * Start, stop, terminate and connect take their names like any workstation's.
 */
export const runServicesCommand: CommandRun = async (context) => {
  const [sub, ...rest] = context.args;
  switch (sub) {
    case 'list':
      return listServices(context, rest);
    case 'launch':
      return runLaunchCommand({ ...context, args: rest });
    case 'health':
      return serviceHealth(context, rest);
    case 'cleanup':
      return cleanupServices(context, rest);
    default:
      throw usageError(sub ? `unknown services subcommand '${sub}'\n${USAGE}` : USAGE);
  }
};

async function listServices(context: CommandContext, rest: string[]): Promise<number> {
  if (rest.length > 0) throw usageError('usage: cws-tui services list [--json]');
  const session = await openCommandSession(context);
  const services = (await session.listWorkstations())
    .filter((row) => row.kind !== 'ec2')
    .sort((a, b) => a.name.localeCompare(b.name));
  if (context.flags.json) {
    context.stdout(
      `${JSON.stringify([...services.map(workstationJson), ...unknownRows(session)], null, 2)}\n`,
    );
    return reportListingFailures(session, context);
  }
  if (services.length === 0 && !session.info.listing_failures?.length) {
    context.stdout('No services. Launch one with: cws-tui services launch sagemaker-studio <name>\n');
    return EXIT.ok;
  }
  context.stdout(
    renderTextTable(services, [
      { header: 'NAME', value: (row) => row.name },
      { header: 'KIND', value: (row) => row.kind },
      { header: 'STATE', value: (row) => row.state },
      { header: 'TYPE', value: (row) => row.instance_type },
      { header: 'REGION', value: (row) => row.region },
      {
        header: '$/H',
        value: (row) => (row.hourly_cost === undefined ? '-' : formatUsdPerHour(row.hourly_cost)),
        align: 'right',
      },
      { header: 'USER', value: (row) => row.research_user ?? '-' },
      { header: 'NOTE', value: (row) => row.progress ?? '' },
    ]),
  );
  return reportListingFailures(session, context);
}

async function serviceHealth(context: CommandContext, rest: string[]): Promise<number> {
  const [name, ...extra] = rest;
  if (!name || extra.length > 0) throw usageError('usage: cws-tui services health <name> [--json]');
  const session = await openCommandSession(context);
  const row = await findWorkstationByName(session, name);
  const health = await session.serviceHealth(row);
  if (context.flags.json)
    context.stdout(`${JSON.stringify({ name: row.name, kind: row.kind, ...health }, null, 2)}\n`);
  else context.stdout(`${row.name}: ${health.status} (${sanitizeForTerminal(health.detail)})\n`);
  return health.status === 'unhealthy' ? EXIT.error : EXIT.ok;
}

async function cleanupServices(context: CommandContext, rest: string[]): Promise<number> {
  if (rest.length > 0) throw usageError('usage: cws-tui services cleanup [--delete-domain] --yes');
  if (!context.flags.yes) {
    throw usageError(
      "cleanup deletes every SageMaker app, space and user profile of cws-tui's domain (and with --delete-domain the domain): add --yes to confirm",
    );
  }
  const session = await openCommandSession(context);
  const results = await session.cleanupServices({
    deleteDomain: context.flags.deleteDomain,
    onStep: (line) => {
      if (!context.flags.json) context.stderr(`  ${line}\n`);
    },
  });
  if (context.flags.json) {
    context.stdout(`${JSON.stringify(results, null, 2)}\n`);
    return EXIT.ok;
  }
  const touched = results.filter((result) => result.domains > 0);
  if (touched.length === 0) context.stdout('There was nothing to clean up: no cws-tui SageMaker domain.\n');
  for (const result of touched) {
    context.stdout(
      `${result.region}: deleted ${result.apps} app(s), ${result.spaces} space(s), ${result.user_profiles} user profile(s)${result.domain_deleted ? ' and the domain' : ''}\n${result.retained_home_file_systems
        .map(
          (id) =>
            `${result.region}: kept the home EFS ${id} (the users' files); delete it with: cws-tui storage delete ${id} --region ${result.region} --yes\n`,
        )
        .join('')}`,
    );
  }
  return EXIT.ok;
}
