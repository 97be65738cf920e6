import { createQuickSightDashboard } from '../core/analytics/createQuickSightDashboard.js';
import { planQuickSightRegistration } from '../core/analytics/planQuickSightRegistration.js';
import type { QuickSightUserSpec } from '../core/analytics/quickSightPorts.js';
import { quickSightUserArn } from '../core/analytics/quickSightPricing.js';
import { formatUsd } from '../core/cost/formatUsd.js';
import { scopeOf } from './athenaCommand.js';
import { CliError, EXIT, usageError } from './CliError.js';
import { confirm, type OperationCommandContext, printJson } from './operations/operationCommand.js';

export const REGISTER_USAGE =
  'quicksight register <user-name|iam-arn> reader|author --email ADDRESS [--user SESSION] [--yes]';
export const CREATE_USAGE = 'quicksight create <template> [--yes]';

const USER_NAME = /^[\w+=,.@-]{1,64}$/;
const IAM_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(user|role)\/[\w+=,.@/-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function tags(context: OperationCommandContext): Record<string, string> {
  const project = context.flags.project ?? context.session.profile.project;
  return {
    'cws:managed': 'true',
    'cws:profile': context.session.profile.name,
    ...(project ? { 'cws:project': project } : {}),
  };
}

function userSpec(context: OperationCommandContext, who: string, role: string): QuickSightUserSpec {
  if (role !== 'reader' && role !== 'author')
    throw usageError(`the role is reader or author, not '${role}'\nusage: cws-tui ${REGISTER_USAGE}`);
  const email = context.flags.email;
  if (!email || !EMAIL.test(email))
    throw usageError(
      `${email ? `'${email}' is not an email address` : "QuickSight needs the user's --email"}\nusage: cws-tui ${REGISTER_USAGE}`,
    );
  const session = context.flags.user;
  if (IAM_ARN.test(who)) {
    if (who.includes(':role/') && !session)
      throw usageError(
        `an IAM role's user also needs --user SESSION (the role session name)\nusage: cws-tui ${REGISTER_USAGE}`,
      );
    return {
      email,
      role: role === 'author' ? 'AUTHOR' : 'READER',
      identity: { type: 'IAM', iam_arn: who, ...(session ? { session_name: session } : {}) },
    };
  }
  if (!USER_NAME.test(who))
    throw usageError(
      `'${who}' is neither a QuickSight user name nor an IAM user or role ARN\nusage: cws-tui ${REGISTER_USAGE}`,
    );
  return {
    email,
    role: role === 'author' ? 'AUTHOR' : 'READER',
    identity: { type: 'QUICKSIGHT', user_name: who },
  };
}

/** `quicksight register`: the monthly cost said first, the policy's author seats checked, then RegisterUser. */
export async function registerQuickSightUser(
  context: OperationCommandContext,
  args: { who: string; role: string; account: string; region: string },
): Promise<number> {
  const spec = userSpec(context, args.who, args.role);
  const plan = await planQuickSightRegistration(
    context.session.account.analytics.quicksight,
    { policy: context.session.profile.policy, account_id: args.account, region: args.region },
    spec,
  );
  const role = spec.role.toLowerCase();
  const cost = `${formatUsd(plan.monthly_usd)} per month (${plan.edition.toLowerCase()} edition ${role})`;
  if (!context.flags.json) context.stdout(`Registering ${args.who} as a QuickSight ${role}: ${cost}.\n`);
  await confirm(context, `Register ${args.who} as a ${role} for ${cost}?`);
  const user = await context.session.account.analytics.quicksight.registerUser(
    args.account,
    args.region,
    spec,
  );
  if (context.flags.json) printJson(context, { user, monthly_usd: plan.monthly_usd, edition: plan.edition });
  else context.stdout(`Registered ${user.name} (${user.role.toLowerCase()}): ${user.arn}\n`);
  return 0;
}

/** `quicksight create <template>`: an Athena data source, a dataset and a dashboard from a quicksight template. */
export async function createQuickSightFromTemplate(
  context: OperationCommandContext,
  args: { slug: string; account: string; callerArn: string; region: string },
): Promise<number> {
  const template = await context.session.resolveTemplate(args.slug);
  if (template.analytics?.kind !== 'quicksight')
    throw usageError(
      `${template.slug} is not a QuickSight template (quicksight-analytics is one)\nusage: cws-tui ${CREATE_USAGE}`,
    );
  const quicksight = context.session.account.analytics.quicksight;
  const owner = quickSightUserArn(args.callerArn, args.account, args.region);
  const subscription = await quicksight.subscription(args.account, args.region);
  if (
    subscription.status === 'active' &&
    !(await quicksight.listUsers(args.account, args.region)).some((u) => u.arn === owner)
  )
    throw new CliError(
      `you are not a registered QuickSight user (${owner}), so nothing can be made in your name.\n` +
        `  Register first: cws-tui ${REGISTER_USAGE}`,
      EXIT.error,
    );
  const config = template.analytics;
  if (!context.flags.json)
    context.stdout(
      `From ${template.slug}: an Athena data source, a direct-query dataset over ${config.database}.${config.table} ` +
        `and the dashboard ${config.dashboard.id} (${config.dashboard.visuals.length} visuals).\n` +
        "Cost: no SPICE capacity; each view queries Athena at $5 per TB scanned, within the workgroup's limit.\n",
    );
  await confirm(context, `Create the dashboard ${config.dashboard.id}?`);
  const result = await createQuickSightDashboard(context.session.account.analytics, {
    template: config,
    scope: await scopeOf(context),
    account_id: args.account,
    owner_arn: owner,
    tags: tags(context),
  });
  if (context.flags.json) {
    printJson(context, result);
    return 0;
  }
  for (const [what, asset] of [
    ['Data source', result.data_source],
    ['Dataset', result.data_set],
    ['Dashboard', result.dashboard],
  ] as const)
    context.stdout(`${what} ${asset.id}: ${asset.created ? 'created' : 'already there'} (${asset.arn})\n`);
  context.stdout(`Open it: cws-tui quicksight connect ${result.dashboard.id}\n`);
  return 0;
}
