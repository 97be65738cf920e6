import { DATABREW_RECIPES, RECIPE_NAMES } from '../core/analytics/dataBrewRecipes.js';
import {
  DATABREW_SESSION_MINUTES,
  DATABREW_USD_PER_SESSION,
  DATABREW_USD_PER_SESSION_HOUR,
  dataBrewProjectUrl,
} from '../core/analytics/dataBrewSessions.js';
import { sanitizeForTerminal as safe } from '../core/text/sanitizeForTerminal.js';
import { CliError, usageError } from './CliError.js';
import { type OperationCommandContext, printJson } from './operations/operationCommand.js';

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,239}$/;
const PRICE = `$${DATABREW_USD_PER_SESSION.toFixed(2)} per ${DATABREW_SESSION_MINUTES}-minute interactive session ($${DATABREW_USD_PER_SESSION_HOUR.toFixed(2)} per session-hour)`;

/**
 * `databrew project create <name> <dataset> [recipe] | list | open <name>`: a project with its own
 * working recipe (from a shipped one) and the job role, and the console link to its interactive
 * session with the session price said first. DataBrew's API has no interactive grid: only the
 * console shows it, so `open` gives the link rather than a session in the terminal.
 */
export async function runDatabrewProject(
  context: OperationCommandContext,
  rest: string[],
  tags: Record<string, string>,
): Promise<number> {
  const [verb, name, dataset, recipeName = 'clean', ...extra] = rest;
  const region = context.flags.region ?? context.session.info.region;
  const { analytics } = context.session.account;
  if (verb === 'list' && !name) {
    const projects = await analytics.databrew.listProjects(region);
    if (context.flags.json) printJson(context, projects);
    else if (projects.length === 0)
      context.stdout('No DataBrew projects: `cws-tui databrew project create <name> <dataset>` makes one.\n');
    else
      for (const p of projects)
        context.stdout(
          `${safe(p.name)}\t${safe(p.dataset ?? '-')}\t${p.opened_by ? `open by ${safe(p.opened_by)} since ${p.opened_at?.slice(0, 16).replace('T', ' ') ?? '?'}` : 'closed'}\n`,
        );
    return 0;
  }
  if (verb === 'open' && name && !dataset) {
    const project = (await analytics.databrew.listProjects(region)).find((p) => p.name === name);
    if (!project)
      throw new CliError(
        `DataBrew has no project ${name} in ${region}: \`cws-tui databrew project list\` shows them`,
      );
    context.stdout(`Opening the interactive session costs ${PRICE}.\n${dataBrewProjectUrl(region, name)}\n`);
    return 0;
  }
  if (verb === 'create' && name && dataset && extra.length === 0) {
    if (!NAME.test(name))
      throw usageError(`'${name}' is not a project name (letters, digits, . _ -; up to 240)`);
    const example = DATABREW_RECIPES[recipeName];
    if (!example)
      throw usageError(`'${recipeName}' is not a shipped recipe: choose ${RECIPE_NAMES.join(', ')}`);
    const input = (await analytics.databrew.listDatasets(region)).find((d) => d.name === dataset);
    if (!input)
      throw new CliError(
        `DataBrew has no dataset ${dataset} in ${region}: \`cws-tui databrew dataset create\` makes it`,
      );
    const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(input.s3_uri);
    const location = { bucket: match?.[1] ?? '', key: match?.[2] ?? '' };
    // The session reads the dataset only: the job role's read grant on its folder (no output yet).
    const roleArn = await analytics.dataprep.roles.ensureDataBrewJobRole(location, location);
    const recipe = `cws-${name}-recipe`;
    await analytics.databrew.ensureRecipe(region, {
      name: recipe,
      description: example.description,
      steps: example.steps,
      tags,
    });
    const project = await analytics.databrew.ensureProject(region, {
      name,
      dataset,
      recipe,
      role_arn: roleArn,
      tags,
    });
    context.stdout(
      `Project ${project.name} on dataset ${dataset}, working recipe ${recipe} (from ${recipeName}).\n` +
        `Its interactive session runs in the console and costs ${PRICE}:\n  cws-tui databrew project open ${name}\n`,
    );
    return 0;
  }
  throw usageError(
    'usage: cws-tui databrew project create <name> <dataset> [clean|dedupe|cast] | project list | project open <name>',
  );
}
