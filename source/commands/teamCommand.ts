import { localTeamStorePath, openTeamFor, teamStoreSetting } from '../app/session/openTeamStore.js';
import { budgetSchema } from '../core/cost/Budget.js';
import { formatCount, formatUsd } from '../core/cost/formatUsd.js';
import { resolveAppPaths } from '../core/paths.js';
import { initialiseTeamFormat } from '../core/team/checkTeamFormat.js';
import { exportTeamUsers } from '../core/team/exportTeamUsers.js';
import { FileTeamStore } from '../core/team/FileTeamStore.js';
import {
  applyTeamMigration,
  type LocalTeamData,
  planTeamMigration,
} from '../core/team/migrateToTeamStore.js';
import { describeTeamStore, type TeamStore } from '../core/team/TeamStore.js';
import { TeamStoreError } from '../core/team/TeamStoreError.js';
import { budgetScope, setTeamBudget } from '../core/team/teamBudgets.js';
import { capScope, describeCapScope, listTeamCaps, setTeamCap } from '../core/team/teamCaps.js';
import { listInvitations } from '../core/team/teamInvitations.js';
import { teamStoreCost } from '../core/team/teamStoreCost.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { openTeamForCommand, requireTeamStore } from './openTeamForCommand.js';
import { openConfigForCommand } from './profilesCommand.js';
import { auditTeamEvent } from './teamInvitations.js';

const SUBCOMMANDS =
  'init <table>, status, migrate, budget <lab|project:P|user:U> <USD> or cap <lab|per-user|user:U> <N>';
/** The lab the cost of `team init` is worked out for. */
const LAB_SCALE = { members: 20, launches_per_month: 400 };

async function runInit(context: CommandContext, table: string): Promise<number> {
  const { flags, stdout, env } = context;
  const config = openConfigForCommand(context);
  const profile = flags.profile ? config.getProfile(flags.profile) : config.currentProfile();
  const setting = teamStoreSetting({ ...env, CWS_TEAM_STORE: `dynamodb:${table}` }, profile);
  if (setting.kind !== 'dynamodb') throw usageError(`usage: cws-tui team init <table>`);
  const region = flags.region ?? setting.region;
  const cost = teamStoreCost(LAB_SCALE);
  stdout(
    [
      `cws-tui team init creates, in ${region}${setting.endpoint ? ` (${setting.endpoint})` : ''}, table ${table}:`,
      ...(await import('../aws/dynamodb/teamTable.js')).TEAM_TABLE_PLAN.map((line) => `  - ${line}`),
      `cost at lab scale (${LAB_SCALE.members} members, ${LAB_SCALE.launches_per_month} launches a month): about ` +
        `${formatCount(cost.writes)} writes, ${formatCount(cost.reads)} reads and ` +
        `${(cost.storage_gb * 1024).toFixed(1)} MB: ${(cost.usd_per_month * 100).toFixed(1)} cents a month on demand ` +
        '($0.625 per million writes, $0.125 per million reads, $0.25 + $0.20 PITR per GB-month)',
      '',
    ].join('\n'),
  );
  if (!flags.yes) {
    stdout('nothing was created: run again with --yes to create it\n');
    return EXIT.ok;
  }
  const { dynamoTeamClient } = await import('../aws/dynamodb/openDynamoTeamStore.js');
  const { createTeamTable } = await import('../aws/dynamodb/teamTable.js');
  const { DynamoTeamStore } = await import('../aws/dynamodb/DynamoTeamStore.js');
  const options = {
    table,
    region,
    ...(setting.endpoint ? { endpoint: setting.endpoint } : {}),
    ...(profile && !env.CWS_TEAM_STORE ? { profile: profile.aws_profile } : {}),
  };
  const client = dynamoTeamClient(options);
  const { warnings } = await createTeamTable(client, table);
  await initialiseTeamFormat(
    new DynamoTeamStore(client, {
      kind: 'dynamodb',
      table,
      region,
      ...(setting.endpoint ? { endpoint: setting.endpoint } : {}),
    }),
  );
  for (const warning of warnings) context.stderr(`cws-tui: ${warning}\n`);
  stdout(
    `created ${table}; use it with: cws-tui profiles create <name> ... --team-store ${table}` +
      ` (or CWS_TEAM_STORE=dynamodb:${table}), then cws-tui team migrate to bring this machine's users in\n`,
  );
  return EXIT.ok;
}

async function runStatus(context: CommandContext): Promise<number> {
  const team = await openTeamForCommand(context);
  const store = requireTeamStore(team);
  const table =
    store.location.kind === 'dynamodb'
      ? await (await import('../aws/dynamodb/teamTable.js')).describeTeamTable(
          (await import('../aws/dynamodb/openDynamoTeamStore.js')).dynamoTeamClient({
            table: store.location.table,
            region: store.location.region,
            ...(store.location.endpoint ? { endpoint: store.location.endpoint } : {}),
            ...(team.setting.kind === 'dynamodb' && team.setting.aws_profile
              ? { profile: team.setting.aws_profile }
              : {}),
          }),
          store.location.table,
        )
      : undefined;
  const [users, invitations, budgets, policies, caps] = await Promise.all([
    team.users.list(),
    listInvitations(store),
    store.query('BUDGET'),
    store.query('POLICY'),
    listTeamCaps(store),
  ]);
  const status = {
    store: describeTeamStore(store.location),
    ...(table ? { table } : {}),
    counts: {
      users: users.length,
      invitations: invitations.length,
      budgets: budgets.length,
      policies: policies.length,
    },
    users: users.map((user) => ({ username: user.username, uid: user.uid, email: user.email ?? null })),
    budgets: budgets.map((item) => ({ scope: item.sk, budget: item.budget })),
    policies: policies.map((item) => item.sk),
    caps,
  };
  if (context.flags.json) {
    context.stdout(`${JSON.stringify(status, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines = [
    `team store: ${status.store}`,
    ...(table
      ? [
          `table: ${table.status}, ${table.billing}, ~${table.item_count} items (${table.size_bytes} bytes, DynamoDB updates these every 6 h), ` +
            `deletion protection ${table.deletion_protection ? 'on' : 'OFF'}, point-in-time recovery ${table.point_in_time_recovery}`,
        ]
      : []),
    `${users.length} users, ${invitations.length} invitations (${invitations.filter((i) => i.state === 'open').length} open), ${policies.length} policies, ${budgets.length} budgets`,
    ...users.map((user) => `  user ${user.username}  UID ${user.uid}${user.email ? `  ${user.email}` : ''}`),
    ...budgets.map((item) => {
      const parsed = budgetSchema.safeParse(item.budget);
      return `  budget ${item.sk}: ${parsed.success ? `${formatUsd(parsed.data.monthly_limit)} a month` : 'unreadable'}`;
    }),
    ...caps.map((cap) => `  cap ${describeCapScope(cap.scope)}: ${cap.max_running} running`),
  ];
  context.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** This machine's users, invitations (its local store, the old users file taken in) and profile budgets. */
async function localData(context: CommandContext, by: string): Promise<LocalTeamData> {
  const paths = resolveAppPaths(context.env);
  const local = await openTeamFor({ ...context.env, CWS_TEAM_STORE: 'local' }, paths, undefined, by);
  await local.users.list();
  const localStore = local.team ?? new FileTeamStore(localTeamStorePath(paths));
  const file = await exportTeamUsers(localStore);
  const invitations = await localStore.query('INVITE');
  const budgets = openConfigForCommand(context)
    .listProfiles()
    .flatMap((profile) =>
      profile.budget
        ? [
            {
              scope: profile.role === 'admin' ? 'LAB' : `USER#${profile.research_user ?? profile.name}`,
              budget: profile.budget,
            },
          ]
        : [],
    );
  return { ...file, invitations, budgets };
}

async function runMigrate(context: CommandContext): Promise<number> {
  const team = await openTeamForCommand(context);
  const store: TeamStore = requireTeamStore(team);
  if (store.location.kind !== 'dynamodb') {
    throw new CliError(
      "team migrate brings this machine's data into a DynamoDB store: name one with --profile or CWS_TEAM_STORE",
    );
  }
  const by = team.profile?.name ?? context.env.USER ?? 'migrate';
  const local = await localData(context, by);
  const plan = await planTeamMigration(store, local);
  const summary = `${plan.users.length} users, ${plan.invitations.length} invitations, ${plan.budgets.length} budgets to import; ${plan.unchanged.length} already there`;
  if (plan.conflicts.length > 0) {
    context.stderr(
      `conflicts with ${describeTeamStore(store.location)}; nothing was written:\n${plan.conflicts.map((c) => `  - ${c}`).join('\n')}\n`,
    );
    return EXIT.error;
  }
  if (!context.flags.yes) {
    context.stdout(`${summary}\nnothing was written: run again with --yes to import\n`);
    return EXIT.ok;
  }
  await applyTeamMigration(store, local, plan, by);
  context.stdout(`${summary}\nimported into ${describeTeamStore(store.location)}; every UID kept\n`);
  return EXIT.ok;
}

/** `team budget lab 500`: a budget of the lab's store (admins only), audited. */
async function runBudget(context: CommandContext, scopeText: string, amount: string): Promise<number> {
  const scope = budgetScope(scopeText);
  const limit = Number(amount);
  if (!scope || !(limit > 0)) {
    throw usageError('usage: cws-tui team budget <lab|project:NAME|user:NAME> <USD a month, above 0>');
  }
  const team = await openTeamForCommand(context);
  const store = requireTeamStore(team);
  if (team.profile?.role !== 'admin')
    throw new CliError("only an admin profile sets the lab's budgets", EXIT.denied);
  const by = team.profile.research_user ?? team.profile.name;
  await setTeamBudget(store, scope, budgetSchema.parse({ monthly_limit: limit }), by);
  await auditTeamEvent(context, store, { action: 'budget-set', scope, monthly_limit: limit }, by);
  context.stdout(
    `the ${scopeText} budget is ${formatUsd(limit)} a month, in ${describeTeamStore(store.location)}\n`,
  );
  return EXIT.ok;
}

/** `team cap lab 10`: a running cap of the lab's store (admins only), audited; `none` removes it. */
async function runCap(context: CommandContext, scopeText: string, amount: string): Promise<number> {
  const scope = capScope(scopeText);
  const limit = amount === 'none' ? undefined : Number(amount);
  if (!scope || (limit !== undefined && !(Number.isInteger(limit) && limit >= 0))) {
    throw usageError(
      'usage: cws-tui team cap <lab|per-user|user:NAME> <running workstations, 0 or more, or none>',
    );
  }
  const team = await openTeamForCommand(context);
  const store = requireTeamStore(team);
  if (team.profile?.role !== 'admin')
    throw new CliError("only an admin profile sets the lab's running caps", EXIT.denied);
  const by = team.profile.research_user ?? team.profile.name;
  await setTeamCap(store, scope, limit, by);
  await auditTeamEvent(context, store, { action: 'cap-set', scope, max_running: limit ?? null }, by);
  context.stdout(
    limit === undefined
      ? `${describeCapScope(scope)} has no running cap in ${describeTeamStore(store.location)} now\n`
      : `at most ${limit} running workstation${limit === 1 ? '' : 's'} for ${describeCapScope(scope)}, in ${describeTeamStore(store.location)}\n`,
  );
  return EXIT.ok;
}

/** `cws-tui team init|status|migrate|budget|cap`. */
export const runTeamCommand: CommandRun = async (context) => {
  const [subcommand, argument, ...extra] = context.args;
  try {
    switch (subcommand) {
      case 'init':
        if (!argument || extra.length > 0 || !/^[A-Za-z0-9_.-]{3,255}$/.test(argument)) {
          throw usageError(
            'usage: cws-tui team init <table> [--region R] [--yes] (a table name is 3-255 letters, digits, _ . -)',
          );
        }
        return await runInit(context, argument);
      case 'status':
        if (argument !== undefined) throw usageError('usage: cws-tui team status [--json]');
        return await runStatus(context);
      case 'budget': {
        const [amount, ...more] = extra;
        if (!argument || amount === undefined || more.length > 0) {
          throw usageError('usage: cws-tui team budget <lab|project:NAME|user:NAME> <USD>');
        }
        return await runBudget(context, argument, amount);
      }
      case 'cap': {
        const [amount, ...more] = extra;
        if (!argument || amount === undefined || more.length > 0) {
          throw usageError('usage: cws-tui team cap <lab|per-user|user:NAME> <N|none>');
        }
        return await runCap(context, argument, amount);
      }
      case 'migrate':
        if (argument !== undefined) throw usageError('usage: cws-tui team migrate [--yes]');
        return await runMigrate(context);
      default:
        throw usageError(
          subcommand === undefined
            ? `team needs a subcommand: ${SUBCOMMANDS}`
            : `unknown team subcommand '${subcommand}': use ${SUBCOMMANDS}`,
        );
    }
  } catch (error) {
    if (error instanceof TeamStoreError) throw new CliError(error.message);
    throw error;
  }
};
