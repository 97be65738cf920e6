import { formatUsd } from '../core/cost/formatUsd.js';
import { OperationError } from '../core/operations/OperationError.js';
import { FileProjectStore } from '../core/projects/FileProjectStore.js';
import { PROJECT_NAME } from '../core/projects/Project.js';
import { projectSummary } from '../core/projects/projectSummary.js';
import { POSIX_NAME_PATTERN } from '../core/templates/templateSchema.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { usageError } from './CliError.js';
import {
  confirm,
  type OperationCommandContext,
  operationCommand,
  printJson,
} from './operations/operationCommand.js';
import { printProjectSummary } from './output/printProjectSummary.js';
import { renderTextTable } from './output/renderTextTable.js';

const USAGE = [
  'usage: cws-tui project create <name> [--budget USD] [--user U]... [--yes]',
  '       cws-tui project list | show <name> [--json]',
  '       cws-tui project members <name> [add|remove <user>] [--yes]',
  '       cws-tui project budget <name> [--budget USD | --force (remove)] [--yes]',
  '       cws-tui project delete <name> [--force] [--yes]',
].join('\n');

/**
 * `cws-tui project`: projects group workstations, volumes and snapshots by the `cws:project` tag
 * (`launch --project P`), with members and a monthly budget. Kept on this machine for now (the
 * lab's team store takes them over, with who may change them); every change is audited.
 */
export const runProjectCommand = operationCommand(async (context) => {
  const store = new FileProjectStore(context.ops.stateDir);
  try {
    return await dispatch(context, store);
  } finally {
    if (store.recoveredFrom) context.stderr(`cws-tui: ${store.recoveredFrom}\n`);
  }
});

function dispatch(context: OperationCommandContext, store: FileProjectStore): Promise<number> {
  const [sub, name, ...rest] = context.args;
  if (sub === 'list' && !name) return list(context, store);
  if (!name) throw usageError(USAGE);
  if (!PROJECT_NAME.test(name))
    throw usageError(
      `'${name}' is not a project name: lowercase letters, digits, '.', '_' and '-', up to 63`,
    );
  if (sub === 'create' && rest.length === 0) return create(context, store, name);
  if (sub === 'show' && rest.length === 0) return show(context, store, name);
  if (sub === 'members') return members(context, store, name, rest);
  if (sub === 'budget' && rest.length === 0) return budget(context, store, name);
  if (sub === 'delete' && rest.length === 0) return remove(context, store, name);
  throw usageError(USAGE);
}

async function list(context: OperationCommandContext, store: FileProjectStore): Promise<number> {
  const projects = await store.list();
  const workstations = await context.session.listWorkstations();
  const rows = await Promise.all(
    projects.map(async (p) => ({
      ...p,
      budget: await store.budgets().get(p.name),
      workstations: workstations.filter((w) => w.project === p.name && w.state !== 'terminated').length,
    })),
  );
  if (context.flags.json) printJson(context, { projects: rows });
  else if (rows.length === 0)
    context.stdout('No projects. Create one with: cws-tui project create <name> --budget 500\n');
  else
    context.stdout(
      renderTextTable(rows, [
        { header: 'PROJECT', value: (p) => p.name },
        { header: 'MEMBERS', value: (p) => p.members.join(', ') || '-' },
        { header: 'WORKSTATIONS', value: (p) => String(p.workstations), align: 'right' },
        {
          header: 'BUDGET',
          value: (p) => (p.budget ? `${formatUsd(p.budget.monthly_usd)}/month` : '-'),
          align: 'right',
        },
      ]),
    );
  return 0;
}

async function create(
  context: OperationCommandContext,
  store: FileProjectStore,
  name: string,
): Promise<number> {
  const members = context.flags.user ? [context.flags.user] : [];
  for (const member of members)
    if (!POSIX_NAME_PATTERN.test(member)) throw usageError(`'${member}' is not a research user name`);
  const budgetUsd = context.flags.budget;
  if (budgetUsd !== undefined && !(budgetUsd > 0))
    throw usageError('--budget must be a positive amount in USD');
  await confirm(
    context,
    `Create the project '${name}'${budgetUsd ? ` with a budget of ${formatUsd(budgetUsd)}/month` : ''}?`,
  );
  const user = await context.ops.researchUser();
  const created = await store.create({
    name,
    members,
    created_at: new Date().toISOString(),
    created_by: user.username,
  });
  if (!created) throw new OperationError('refused', `a project named '${name}' exists already`);
  if (budgetUsd !== undefined) await store.budgets().set(name, { monthly_usd: budgetUsd, alert_percent: 80 });
  await context.ops.audit({
    action: 'project-create',
    profile: context.ops.profile.name,
    targets: [name],
    budget_usd: budgetUsd,
  });
  if (context.flags.json) printJson(context, await store.get(name));
  else
    context.stdout(
      `Created the project ${name}: launch into it with cws-tui launch <template> <name> --project ${name}\n`,
    );
  return 0;
}

async function findProject(store: FileProjectStore, name: string) {
  const project = await store.get(name);
  if (!project)
    throw new OperationError('invalid', `no project named '${name}'`, 'cws-tui project list shows them.');
  return project;
}

async function show(
  context: OperationCommandContext,
  store: FileProjectStore,
  name: string,
): Promise<number> {
  const project = await findProject(store, name);
  const [workstations, { report }] = await Promise.all([
    context.session.listWorkstations(),
    context.session.costReport({ fireAlerts: false, now: new Date() }),
  ]);
  const summary = projectSummary(project, await store.budgets().get(name), workstations, report.items);
  if (context.flags.json) printJson(context, summary);
  else printProjectSummary(context, summary);
  return 0;
}

async function members(
  context: OperationCommandContext,
  store: FileProjectStore,
  name: string,
  rest: string[],
): Promise<number> {
  const project = await findProject(store, name);
  const [action, user, ...extra] = rest;
  if (!action) {
    if (context.flags.json) printJson(context, { project: name, members: project.members });
    else
      context.stdout(
        project.members.length > 0 ? `${project.members.join('\n')}\n` : `${name} has no members yet\n`,
      );
    return 0;
  }
  if ((action !== 'add' && action !== 'remove') || !user || extra.length > 0) throw usageError(USAGE);
  if (!POSIX_NAME_PATTERN.test(user)) throw usageError(`'${user}' is not a research user name`);
  await confirm(
    context,
    `${action === 'add' ? 'Add' : 'Remove'} ${user} ${action === 'add' ? 'to' : 'from'} ${name}?`,
  );
  const updated = await store.update(name, (p) => ({
    ...p,
    members: action === 'add' ? [...new Set([...p.members, user])] : p.members.filter((m) => m !== user),
  }));
  await context.ops.audit({
    action: `project-member-${action}`,
    profile: context.ops.profile.name,
    targets: [name, user],
  });
  if (context.flags.json) printJson(context, updated);
  else context.stdout(`${name}: ${updated?.members.join(', ') || 'no members'}\n`);
  return 0;
}

async function budget(
  context: OperationCommandContext,
  store: FileProjectStore,
  name: string,
): Promise<number> {
  await findProject(store, name);
  const amount = context.flags.budget;
  if (amount === undefined && !context.flags.force) {
    const current = await store.budgets().get(name);
    if (context.flags.json) printJson(context, { project: name, budget: current ?? null });
    else
      context.stdout(
        current
          ? `${name}: ${formatUsd(current.monthly_usd)}/month, alert at ${current.alert_percent}%\n`
          : `${name} has no budget\n`,
      );
    return 0;
  }
  if (amount !== undefined && !(amount > 0)) throw usageError('--budget must be a positive amount in USD');
  await confirm(
    context,
    amount !== undefined
      ? `Set the budget of ${name} to ${formatUsd(amount)}/month?`
      : `Remove the budget of ${name}?`,
  );
  await store
    .budgets()
    .set(name, amount !== undefined ? { monthly_usd: amount, alert_percent: 80 } : undefined);
  await context.ops.audit({
    action: 'project-budget',
    profile: context.ops.profile.name,
    targets: [name],
    budget_usd: amount ?? null,
  });
  context.stdout(
    amount !== undefined ? `${name}: budget ${formatUsd(amount)}/month\n` : `${name}: budget removed\n`,
  );
  return 0;
}

async function remove(
  context: OperationCommandContext,
  store: FileProjectStore,
  name: string,
): Promise<number> {
  await findProject(store, name);
  const live = (await context.session.listWorkstations()).filter(
    (w) => w.project === name && w.state !== 'terminated',
  );
  if (live.length > 0 && !context.flags.force) {
    throw new OperationError(
      'refused',
      `${name} still has ${live.length} workstation(s): ${live.map((w) => sanitizeForTerminal(w.name)).join(', ')}`,
      'Terminate them first, or add --force to delete the project and leave them tagged.',
    );
  }
  await confirm(context, `Delete the project ${name} (its members and budget)?`);
  await store.delete(name);
  await context.ops.audit({
    action: 'project-delete',
    profile: context.ops.profile.name,
    targets: [name],
    left_tagged: live.map((w) => w.name),
  });
  context.stdout(`Deleted the project ${name}\n`);
  return 0;
}
