import { formatUsd } from '../core/cost/formatUsd.js';
import { OperationError } from '../core/operations/OperationError.js';
import { formatUsdPrecise } from '../core/policy/formatUsdPrecise.js';
import {
  createSnapshots,
  deleteSnapshot,
  findSnapshot,
  priceSnapshot,
  restoreSnapshot,
} from '../core/snapshots/snapshotOperations.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { findVolume } from '../core/volumes/volumeOperations.js';
import { usageError } from './CliError.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import {
  confirm,
  type OperationCommandContext,
  operationCommand,
  printJson,
} from './operations/operationCommand.js';
import { renderTextTable } from './output/renderTextTable.js';

const USAGE = [
  'usage: cws-tui snapshot create <workstation | volume> [--yes] [--json]',
  '       cws-tui snapshot list [--json]',
  '       cws-tui snapshot restore <snapshot> --to <workstation> [--root | --mount DIR] [--yes]',
  '       cws-tui snapshot delete <snapshot> [--yes]',
].join('\n');

/** `cws-tui snapshot`: EBS snapshots of workstations' root and data volumes, with their monthly cost. */
export const runSnapshotCommand = operationCommand(async (context) => {
  const [sub, ...rest] = context.args;
  if (sub === 'list' && rest.length === 0) return list(context);
  if (sub === 'create' && rest.length === 1 && rest[0]) return create(context, rest[0]);
  if (sub === 'restore' && rest.length === 1 && rest[0]) return restore(context, rest[0]);
  if (sub === 'delete' && rest.length === 1 && rest[0]) return remove(context, rest[0]);
  throw usageError(USAGE);
});

async function list(context: OperationCommandContext): Promise<number> {
  const snapshots = (await context.ops.account.blockStorage.listSnapshots(context.ops.account.regions)).map(
    priceSnapshot,
  );
  const total = snapshots.reduce((sum, s) => sum + s.monthly_usd, 0);
  if (context.flags.json) {
    printJson(context, { snapshots, monthly_usd: total });
    return 0;
  }
  if (snapshots.length === 0) {
    context.stdout('No snapshots. Make one with: cws-tui snapshot create <workstation>\n');
    return 0;
  }
  context.stdout(
    renderTextTable(snapshots, [
      { header: 'SNAPSHOT', value: (s) => s.id },
      { header: 'OF', value: (s) => sanitizeForTerminal(s.workstation ?? s.volume_id) },
      { header: 'VOLUME', value: (s) => s.role ?? '-' },
      { header: 'SIZE', value: (s) => `${s.size_gb} GB`, align: 'right' },
      { header: 'STATE', value: (s) => (s.state === 'pending' ? `pending ${s.progress}` : s.state) },
      { header: 'STARTED', value: (s) => s.started_at.slice(0, 16).replace('T', ' ') },
      { header: '$/MONTH', value: (s) => `<= ${formatUsd(s.monthly_usd)}`, align: 'right' },
    ]),
  );
  context.stdout(
    `At most ${formatUsd(total)}/month at ${formatUsdPrecise(snapshots[0]?.usd_per_gb_month ?? 0.05)}/GB-month (snapshots after the first store only changed blocks)\n`,
  );
  return 0;
}

async function create(context: OperationCommandContext, reference: string): Promise<number> {
  const { ops } = context;
  const workstations = await context.session.listWorkstations();
  const workstation = workstations.find(
    (w) => w.kind === 'ec2' && w.state !== 'terminated' && (w.name === reference || w.id === reference),
  );
  const volumes = workstation
    ? await ops.account.blockStorage
        .listVolumes([workstation.region], { instance_ids: [workstation.id] })
        .then((all) => all.filter((v) => v.attachments.some((a) => a.instance_id === workstation.id)))
    : [await findVolume(ops, reference)];
  if (volumes.length === 0) throw new OperationError('refused', `${reference} has no volumes to snapshot`);
  const size = volumes.reduce((sum, v) => sum + v.size_gb, 0);
  await confirm(
    context,
    `Snapshot ${volumes.length} volume(s) of ${workstation?.name ?? reference} (${size} GB)?`,
  );
  if (workstation && workstation.state === 'running' && !context.flags.json) {
    context.stderr(
      'cws-tui: the workstation is running: the snapshot is crash-consistent (stop it first for a clean one)\n',
    );
  }
  const snapshots = await createSnapshots(ops, volumes, workstation ? { workstation: workstation.name } : {});
  if (context.flags.json) printJson(context, { snapshots });
  else
    for (const s of snapshots)
      context.stdout(
        `Started ${s.id} of ${s.role} volume ${s.volume_id} (${s.size_gb} GB, at most ${formatUsd(s.monthly_usd)}/month)\n`,
      );
  return 0;
}

async function restore(context: OperationCommandContext, id: string): Promise<number> {
  const { flags } = context;
  if (!flags.to) throw usageError('snapshot restore needs --to <workstation>');
  if (flags.root && flags.mount) throw usageError('--root replaces the root volume: --mount does not apply');
  const snapshot = await findSnapshot(context.ops, id);
  const workstation = await findWorkstationByName(context.session, flags.to);
  const mount = flags.mount ?? '/restore';
  await confirm(
    context,
    flags.root
      ? `Replace the root volume of ${workstation.name} with ${snapshot.id}? It reboots; the current root volume is kept, detached.`
      : `Restore ${snapshot.id} as a new volume on ${workstation.name}, mounted at ${mount}?`,
  );
  const result = await restoreSnapshot(context.ops, snapshot, workstation, {
    root: flags.root,
    mount_point: mount,
  });
  if (flags.json) printJson(context, result);
  else if (result.kind === 'root')
    context.stdout(`Replacing the root volume of ${workstation.name} (task ${result.task_id}); it reboots\n`);
  else
    context.stdout(
      `Restored ${snapshot.id} as ${result.volume_id} on ${workstation.name} (${result.device})${result.mounted ? `, mounted at ${mount}` : ''}\n`,
    );
  return 0;
}

async function remove(context: OperationCommandContext, id: string): Promise<number> {
  const snapshot = await findSnapshot(context.ops, id);
  await confirm(context, `Delete ${snapshot.id} (${snapshot.size_gb} GB)?`);
  await deleteSnapshot(context.ops, snapshot);
  if (context.flags.json) printJson(context, { deleted: snapshot.id });
  else context.stdout(`Deleted ${snapshot.id}\n`);
  return 0;
}
