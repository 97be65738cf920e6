import { CODECATALYST_CLOSED } from '../core/analytics/codeCatalystPorts.js';
import { CliError, EXIT, usageError } from './CliError.js';
import { operationCommand, printJson } from './operations/operationCommand.js';
import { renderTextTable } from './output/renderTextTable.js';

const USAGE =
  'usage: cws-tui codecatalyst spaces | codecatalyst devenvs <space> <project> | codecatalyst start|stop <space> <project> <devenv-id>';

/** `cws-tui codecatalyst spaces|devenvs|start|stop`: existing spaces through the Builder ID sign-in. */
export const runCodecatalystCommand = operationCommand(async (context) => {
  const [sub, space, project, id, ...extra] = context.args;
  const services = context.session.profile.policy.analytics?.services;
  if (services && !services.includes('codecatalyst'))
    throw new CliError(
      `the policy of profile ${context.session.profile.name} does not allow CodeCatalyst (analytics.services: ${services.join(', ')})`,
      EXIT.denied,
    );
  const catalyst = context.session.account.analytics.codecatalyst;
  if (extra.length > 0) throw usageError(USAGE);
  if (!context.flags.json) context.stderr(`${CODECATALYST_CLOSED}\n`);
  if (sub === 'spaces' && !space) {
    const spaces = await catalyst.listSpaces();
    if (context.flags.json) printJson(context, spaces);
    else if (spaces.length === 0) context.stdout('No CodeCatalyst spaces for this Builder ID.\n');
    else for (const s of spaces) context.stdout(`${s.name}\t${s.region}\t${s.display_name ?? ''}\n`);
    return 0;
  }
  if (sub === 'devenvs' && space && project && !id) {
    const environments = await catalyst.listDevEnvironments(space, project);
    if (context.flags.json) printJson(context, environments);
    else
      context.stdout(
        renderTextTable(environments, [
          { header: 'ID', value: (e) => e.id },
          { header: 'ALIAS', value: (e) => e.alias ?? '-' },
          { header: 'STATUS', value: (e) => e.status },
          { header: 'INSTANCE', value: (e) => e.instance_type },
          { header: 'IDE', value: (e) => e.ides.join(',') || '-' },
        ]),
      );
    return 0;
  }
  if ((sub === 'start' || sub === 'stop') && space && project && id) {
    const status =
      sub === 'start'
        ? await catalyst.startDevEnvironment(space, project, id)
        : await catalyst.stopDevEnvironment(space, project, id);
    if (context.flags.json) printJson(context, { id, status });
    else
      context.stdout(
        `Dev environment ${id}: ${status}.${sub === 'start' ? ` Open it from https://codecatalyst.aws/spaces/${encodeURIComponent(space)}/projects/${encodeURIComponent(project)}/dev-environments` : ''}\n`,
      );
    return 0;
  }
  throw usageError(USAGE);
});
