import {
  QUICKSIGHT_ENABLE_COST,
  quickSightConsoleUrl,
  quickSightUserArn,
  quickSightUserMonthly,
} from '../core/analytics/quickSightPricing.js';
import { osc8Hyperlink } from '../core/connect/osc8Hyperlink.js';
import { osc52Copy } from '../core/connect/osc52Copy.js';
import { CliError, EXIT, usageError } from './CliError.js';
import { type OperationCommandContext, operationCommand, printJson } from './operations/operationCommand.js';
import {
  CREATE_USAGE,
  createQuickSightFromTemplate,
  REGISTER_USAGE,
  registerQuickSightUser,
} from './quicksightAuthorCommands.js';

const USAGE = [
  'usage: cws-tui quicksight status [--json] | quicksight connect <dashboard-id> [--json]',
  `       cws-tui ${REGISTER_USAGE}`,
  `       cws-tui ${CREATE_USAGE}`,
].join('\n');

function notSubscribed(): CliError {
  return new CliError(
    `this account has no QuickSight subscription.\n  Enabling it costs: ${QUICKSIGHT_ENABLE_COST}.\n` +
      '  An administrator signs up at https://quicksight.aws.amazon.com/ (choose the identity region of the lab).',
    EXIT.error,
  );
}

async function status(context: OperationCommandContext, accountId: string, region: string): Promise<number> {
  const quicksight = context.session.account.analytics.quicksight;
  const subscription = await quicksight.subscription(accountId, region);
  if (subscription.status === 'none') {
    if (context.flags.json) printJson(context, { subscription, enable_cost: QUICKSIGHT_ENABLE_COST });
    else
      context.stdout(
        `QuickSight: not subscribed in account ${accountId}.\nEnabling it costs: ${QUICKSIGHT_ENABLE_COST}.\n`,
      );
    return 0;
  }
  const [users, dashboards] =
    subscription.status === 'active'
      ? await Promise.all([
          quicksight.listUsers(accountId, region),
          quicksight.listDashboards(accountId, region),
        ])
      : [[], []];
  const monthly = users.reduce((sum, u) => sum + quickSightUserMonthly(subscription.edition, u.role), 0);
  if (context.flags.json) {
    printJson(context, { subscription, users, dashboards, monthly_usd: monthly });
    return 0;
  }
  context.stdout(
    `QuickSight: ${subscription.edition} edition, ${subscription.status}${subscription.account_name ? ` (${subscription.account_name})` : ''}.\n` +
      `Users: ${users.map((u) => `${u.name} (${u.role.toLowerCase()})`).join(', ') || 'none'}; $${monthly.toFixed(2)} per month.\n` +
      dashboards.map((d) => `Dashboard ${d.id}: ${d.name}\n`).join(''),
  );
  return 0;
}

/** `cws-tui quicksight status|connect`: the subscription said honestly, and a dashboard's link. */
export const runQuicksightCommand = operationCommand(async (context) => {
  const [sub, dashboard, ...extra] = context.args;
  const services = context.session.profile.policy.analytics?.services;
  if (services && !services.includes('quicksight'))
    throw new CliError(
      `the policy of profile ${context.session.profile.name} does not allow QuickSight (analytics.services: ${services.join(', ')})`,
      EXIT.denied,
    );
  const region = context.flags.region ?? context.session.info.region;
  const identity = await context.session.account.identity.callerIdentity();
  if (sub === 'status' && !dashboard) return status(context, identity.account, region);
  if (sub === 'register' && dashboard && extra.length === 1)
    return registerQuickSightUser(context, {
      who: dashboard,
      role: extra[0] ?? '',
      account: identity.account,
      region,
    });
  if (sub === 'create' && dashboard && extra.length === 0)
    return createQuickSightFromTemplate(context, {
      slug: dashboard,
      account: identity.account,
      callerArn: identity.arn,
      region,
    });
  if (sub !== 'connect' || !dashboard || extra.length > 0) throw usageError(USAGE);
  const quicksight = context.session.account.analytics.quicksight;
  const subscription = await quicksight.subscription(identity.account, region);
  if (subscription.status === 'none') throw notSubscribed();
  const userArn = quickSightUserArn(identity.arn, identity.account, region);
  // Embedding needs Enterprise and a registered user; the console link works for anyone signed in.
  let url = quickSightConsoleUrl(region, dashboard);
  let kind = 'console';
  if (subscription.edition !== 'STANDARD') {
    url = await quicksight.embedUrl(identity.account, region, dashboard, userArn);
    kind = 'embed';
  }
  if (context.flags.json) {
    printJson(context, { dashboard, kind, url, user_arn: userArn });
    return 0;
  }
  const write = context.terminalStdout ?? context.stdout;
  write(
    `QuickSight dashboard ${dashboard} (${kind} URL${kind === 'embed' ? ', sign-in valid 5 minutes, session 60' : ''}):\n  ${osc8Hyperlink(url)}\n` +
      `${osc52Copy(url, context.env)}Copied to the clipboard (OSC 52) where the terminal allows it; over SSH, open it on your laptop.\n`,
  );
  return 0;
});
