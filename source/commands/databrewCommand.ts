import { defaultResultsLocation } from '../core/analytics/athenaWorkgroupSettings.js';
import {
  DATABREW_USD_PER_NODE_HOUR,
  dataBrewNodeHours,
  dataBrewRunCost,
} from '../core/analytics/dataBrewCost.js';
import { dataBrewFormatOf } from '../core/analytics/dataBrewFormatOf.js';
import { dataBrewAccessProblem, dataBrewJobAccessChecks } from '../core/analytics/dataBrewJobAccess.js';
import type { DataBrewJobRun } from '../core/analytics/dataBrewPorts.js';
import { DATABREW_RECIPES, RECIPE_NAMES } from '../core/analytics/dataBrewRecipes.js';
import { evaluatePolicy } from '../core/policy/evaluatePolicy.js';
import { CliError, EXIT, usageError } from './CliError.js';
import { printDataBrewLogs } from './databrewLogs.js';
import { runDatabrewProject } from './databrewProjectCommand.js';
import { type OperationCommandContext, operationCommand, printJson } from './operations/operationCommand.js';
import { renderTextTable } from './output/renderTextTable.js';

const USAGE = [
  'usage: cws-tui databrew dataset create <name> s3://bucket/file.(csv|json|parquet|xlsx) | dataset list',
  `       cws-tui databrew job run <dataset> <${RECIPE_NAMES.join('|')}|profile> | job list | job show|logs <job> [run-id]`,
  '       cws-tui databrew project create <name> <dataset> [recipe] | project list | project open <name>',
  '       cws-tui databrew recipes',
].join('\n');

/** Nodes a job may use: DataBrew's smallest useful size keeps an example run cheap. */
const JOB_NODES = 2;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,239}$/;

function regionOf(context: OperationCommandContext): string {
  return context.flags.region ?? context.session.info.region;
}

/**
 * Governance fails closed, through the one policy evaluation: DataBrew must be among the analytics
 * services, and the buckets a job reads and writes among the allowed ones.
 */
function requireAllowed(context: OperationCommandContext, buckets: string[] = []): void {
  const verdict = evaluatePolicy(
    context.session.profile.policy,
    { kind: 'analytics', service: 'databrew', region: regionOf(context), buckets },
    {},
  );
  if (!verdict.allowed)
    throw new CliError(
      `the policy of profile ${context.session.profile.name} does not allow this: ${verdict.violations.map((v) => v.message).join('; ')}`,
      EXIT.denied,
    );
}

const bucketOf = (uri: string) => /^s3:\/\/([^/]+)/.exec(uri)?.[1] ?? '';
const locationOf = (uri: string) => {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return { bucket: match?.[1] ?? '', key: match?.[2] ?? '' };
};

function tags(context: OperationCommandContext): Record<string, string> {
  const project = context.flags.project ?? context.session.profile.project;
  return { 'cws:profile': context.session.profile.name, ...(project ? { 'cws:project': project } : {}) };
}

function duration(run: DataBrewJobRun): string {
  if (run.execution_seconds === undefined) return '-';
  const minutes = Math.floor(run.execution_seconds / 60);
  return `${minutes}m${String(run.execution_seconds % 60).padStart(2, '0')}s`;
}

function runLine(run: DataBrewJobRun): string {
  const cost = dataBrewRunCost(run);
  return (
    `Run ${run.run_id} of ${run.job}: ${run.state}, ${duration(run)}, ${run.nodes} nodes, ` +
    `${dataBrewNodeHours(run).toFixed(3)} node-hours, cost $${cost.toFixed(4)}` +
    (run.error ? `\n  Error: ${run.error}` : '')
  );
}

async function createDataset(context: OperationCommandContext, name: string, uri: string): Promise<number> {
  if (!NAME.test(name))
    throw usageError(`'${name}' is not a dataset name (letters, digits, . _ -; up to 240)`);
  if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+/.test(uri))
    throw usageError(`'${uri}' is not an s3://bucket/key URI of a file`);
  requireAllowed(context, [bucketOf(uri)]);
  const format = dataBrewFormatOf(uri);
  if (!format)
    throw usageError(
      `cannot tell the format of ${uri}: DataBrew reads .csv, .json, .parquet and .xlsx files`,
    );
  const dataset = await context.session.account.analytics.databrew.createDataset(regionOf(context), {
    name,
    format,
    s3_uri: uri,
    tags: tags(context),
  });
  context.stdout(`Dataset ${dataset.name}: ${dataset.format} from ${dataset.s3_uri}\n`);
  return 0;
}

async function runJob(context: OperationCommandContext, dataset: string, kind: string): Promise<number> {
  const example = DATABREW_RECIPES[kind];
  if (!example && kind !== 'profile')
    throw usageError(`'${kind}' is not a shipped recipe: choose ${RECIPE_NAMES.join(', ')} or profile`);
  const { account } = context.session;
  const region = regionOf(context);
  const brew = account.analytics.databrew;
  const results =
    context.session.profile.policy.analytics?.results_location ??
    (await defaultResultsLocation(account, region));
  const input = (await brew.listDatasets(region)).find((d) => d.name === dataset);
  if (!input)
    throw new CliError(
      `DataBrew has no dataset ${dataset} in ${region}: \`cws-tui databrew dataset create ${dataset} s3://bucket/file.csv\` makes it`,
    );
  const name = `cws-${dataset}-${kind}`;
  const outputUri = `${results.replace(/\/?$/, '/')}databrew/${name}/`;
  requireAllowed(context, [bucketOf(input.s3_uri), bucketOf(outputUri)]);
  // The job's own role, least privilege on the two folders; checked against the buckets' policies first.
  const roles = account.analytics.dataprep.roles;
  const roleArn = await roles.ensureDataBrewJobRole(locationOf(input.s3_uri), locationOf(outputUri));
  const access = await roles.checkS3Access(roleArn, dataBrewJobAccessChecks(input.s3_uri, outputUri));
  if (access === 'unverified')
    context.stderr(
      'Could not check the job role against the bucket policies (no iam:SimulatePrincipalPolicy or s3:GetBucketPolicy): running anyway.\n',
    );
  else {
    const problem = dataBrewAccessProblem(roleArn, access);
    if (problem) throw new CliError(problem);
  }
  const recipe = example ? `cws-${kind}` : undefined;
  if (example && recipe)
    await brew.ensureRecipe(region, {
      name: recipe,
      description: example.description,
      steps: example.steps,
      tags: tags(context),
    });
  const job = await brew.ensureJob(region, {
    name,
    type: recipe ? 'RECIPE' : 'PROFILE',
    dataset,
    ...(recipe ? { recipe } : {}),
    output_uri: outputUri,
    role_arn: roleArn,
    max_nodes: JOB_NODES,
    tags: tags(context),
  });
  const runId = await brew.startJobRun(region, name);
  context.stdout(
    `Started ${recipe ? `recipe job (${kind}: ${example?.description})` : 'profile job'} ${name}, run ${runId}.\n` +
      `Output: ${job.output_uri}\nCost: $${DATABREW_USD_PER_NODE_HOUR} per node-hour, ${job.max_nodes} nodes, billed per minute.\n` +
      `Follow it with \`cws-tui databrew job show ${name}\`.\n`,
  );
  return 0;
}

async function pickRun(
  context: OperationCommandContext,
  job: string,
  runId?: string,
): Promise<DataBrewJobRun> {
  const brew = context.session.account.analytics.databrew;
  if (runId) return brew.getJobRun(regionOf(context), job, runId);
  const [latest] = await brew.listJobRuns(regionOf(context), job);
  if (!latest) throw new CliError(`job ${job} has not run yet: \`cws-tui databrew job run\` starts it`);
  return latest;
}

async function jobCommand(context: OperationCommandContext, rest: string[]): Promise<number> {
  const [verb, first, second, ...extra] = rest;
  const brew = context.session.account.analytics.databrew;
  if (extra.length > 0) throw usageError(USAGE);
  if (verb === 'run' && first && second) return runJob(context, first, second);
  if (verb === 'list' && !first) {
    const jobs = await brew.listJobs(regionOf(context));
    const rows = [];
    for (const job of jobs)
      rows.push({ job, last: (await brew.listJobRuns(regionOf(context), job.name))[0] });
    if (context.flags.json) printJson(context, rows);
    else if (rows.length === 0)
      context.stdout('No DataBrew jobs yet: `cws-tui databrew job run <dataset> clean` makes one.\n');
    else
      context.stdout(
        renderTextTable(rows, [
          { header: 'JOB', value: (r) => r.job.name },
          { header: 'TYPE', value: (r) => r.job.type },
          { header: 'DATASET', value: (r) => r.job.dataset ?? '-' },
          { header: 'LAST RUN', value: (r) => r.last?.state ?? '-' },
          {
            header: 'COST',
            value: (r) => (r.last ? `$${dataBrewRunCost(r.last).toFixed(4)}` : '-'),
            align: 'right',
          },
        ]),
      );
    return 0;
  }
  if ((verb === 'show' || verb === 'logs') && first) {
    const run = await pickRun(context, first, second);
    if (context.flags.json) {
      printJson(context, { ...run, node_hours: dataBrewNodeHours(run), cost_usd: dataBrewRunCost(run) });
      return 0;
    }
    if (verb === 'show') {
      context.stdout(`${runLine(run)}\n`);
      return run.state === 'FAILED' || run.state === 'TIMEOUT' ? EXIT.error : 0;
    }
    context.stdout(`${runLine(run)}\n`);
    await printDataBrewLogs(context, regionOf(context), run);
    return 0;
  }
  throw usageError(USAGE);
}

/** `cws-tui databrew dataset|job|recipes`: prepare data from S3 with Glue DataBrew, each run priced. */
export const runDatabrewCommand = operationCommand(async (context) => {
  const [sub, ...rest] = context.args;
  requireAllowed(context);
  if (sub === 'dataset' && rest[0] === 'create' && rest.length === 3)
    return createDataset(context, rest[1] ?? '', rest[2] ?? '');
  if (sub === 'dataset' && rest[0] === 'list' && rest.length === 1) {
    const datasets = await context.session.account.analytics.databrew.listDatasets(regionOf(context));
    if (context.flags.json) printJson(context, datasets);
    else for (const d of datasets) context.stdout(`${d.name}\t${d.format}\t${d.s3_uri}\n`);
    return 0;
  }
  if (sub === 'job') return jobCommand(context, rest);
  if (sub === 'project') return runDatabrewProject(context, rest, tags(context));
  if (sub === 'recipes' && rest.length === 0) {
    for (const name of RECIPE_NAMES)
      context.stdout(`${name}\t${DATABREW_RECIPES[name]?.description ?? ''}\n`);
    return 0;
  }
  throw usageError(USAGE);
});
