import { formatUsd } from '../core/cost/formatUsd.js';
import { isStorageKind } from '../core/cost/PriceCatalog.js';
import { OperationError } from '../core/operations/OperationError.js';
import type { OperationsContext } from '../core/operations/OperationsContext.js';
import type { Volume } from '../core/ports.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import {
  attachDataVolume,
  createDataVolume,
  deleteDataVolume,
  detachDataVolume,
  findVolume,
} from '../core/volumes/volumeOperations.js';
import { isRootVolume, parseVolumeType } from '../core/volumes/volumeRules.js';
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
  'usage: cws-tui volumes list [--json]',
  '       cws-tui volumes create <name> --size GB [--type gp3|io2] [--iops N] [--throughput MBps] (--to <workstation> [--mount DIR] | --zone AZ) [--yes]',
  '       cws-tui volumes attach <volume> <workstation> [--mount DIR] [--yes]',
  '       cws-tui volumes detach <volume> [--force] [--yes]',
  '       cws-tui volumes delete <volume> [--yes]',
].join('\n');
const DEFAULT_MOUNT = '/data';

/** $/month of a volume's storage at list price with the profile's discounts (IOPS above the free tier not included). */
export function volumeMonthlyUsd(
  ops: OperationsContext,
  volume: Pick<Volume, 'type' | 'region' | 'size_gb'>,
): number | undefined {
  if (!isStorageKind(volume.type) || volume.type === 'efs') return undefined;
  const quote = ops.prices.storageMonthly(volume.type, volume.region);
  return quote ? quote.usd_per_gb_month * volume.size_gb : undefined;
}

/** `cws-tui volumes`: EBS data volumes, created next to a workstation and mounted for its research user. */
export const runVolumesCommand = operationCommand(async (context) => {
  const [sub, ...rest] = context.args;
  if (sub === 'list' && rest.length === 0) return list(context);
  if (sub === 'create' && rest.length === 1 && rest[0]) return create(context, rest[0]);
  if (sub === 'attach' && rest.length === 2 && rest[0] && rest[1]) return attach(context, rest[0], rest[1]);
  if (sub === 'detach' && rest.length === 1 && rest[0]) return detach(context, rest[0]);
  if (sub === 'delete' && rest.length === 1 && rest[0]) return remove(context, rest[0]);
  throw usageError(USAGE);
});

async function list(context: OperationCommandContext): Promise<number> {
  const { ops } = context;
  const [volumes, workstations] = await Promise.all([
    ops.account.blockStorage.listVolumes(ops.account.regions),
    context.session.listWorkstations(),
  ]);
  const nameOf = (id: string) => workstations.find((w) => w.id === id)?.name ?? id;
  const rows = volumes.map((volume) => ({
    ...volume,
    role: isRootVolume(volume) ? 'root' : 'data',
    attached_to: volume.attachments.map((a) => `${nameOf(a.instance_id)} ${a.device}`).join(', '),
    monthly_usd: volumeMonthlyUsd(ops, volume),
  }));
  if (context.flags.json) {
    printJson(context, { volumes: rows });
    return 0;
  }
  if (rows.length === 0) {
    context.stdout(
      'No volumes. Create one with: cws-tui volumes create <name> --size 100 --to <workstation>\n',
    );
    return 0;
  }
  context.stdout(
    renderTextTable(rows, [
      { header: 'VOLUME', value: (v) => v.id },
      { header: 'NAME', value: (v) => sanitizeForTerminal(v.name) },
      { header: 'ROLE', value: (v) => v.role },
      {
        header: 'SIZE',
        value: (v) => `${v.size_gb} GB ${v.type}${v.iops ? ` ${v.iops} IOPS` : ''}`,
        align: 'right',
      },
      { header: 'ZONE', value: (v) => v.availability_zone },
      { header: 'STATE', value: (v) => v.state },
      { header: 'ATTACHED TO', value: (v) => sanitizeForTerminal(v.attached_to) || '-' },
      {
        header: '$/MONTH',
        value: (v) => (v.monthly_usd === undefined ? '?' : formatUsd(v.monthly_usd)),
        align: 'right',
      },
    ]),
  );
  return 0;
}

async function create(context: OperationCommandContext, name: string): Promise<number> {
  const { flags, ops } = context;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(name))
    throw usageError(`'${name}' is not a volume name: letters, digits, '.', '_' and '-'`);
  const size = Number(flags.size);
  if (flags.size === undefined || !Number.isFinite(size))
    throw usageError('volumes create needs --size GB, e.g. --size 100');
  if ((flags.to === undefined) === (flags.zone === undefined)) {
    throw usageError('say where: --to <workstation> (its zone, attached and mounted) or --zone AZ');
  }
  const throughput = flags.throughput === undefined ? undefined : Number(flags.throughput);
  if (throughput !== undefined && !Number.isFinite(throughput))
    throw usageError(
      `--throughput takes MB/s as a number, e.g. --throughput 250 (not '${flags.throughput}')`,
    );
  const spec = {
    size_gb: size,
    type: parseVolumeType(flags.type),
    ...(flags.iops !== undefined ? { iops: flags.iops } : {}),
    ...(throughput !== undefined ? { throughput_mbps: throughput } : {}),
  };
  const workstation = flags.to ? await findWorkstationByName(context.session, flags.to) : undefined;
  const zone = workstation ? workstation.instance?.availability_zone : flags.zone;
  if (!zone)
    throw new OperationError(
      'refused',
      `${workstation?.name ?? 'the workstation'} has no availability zone known yet`,
    );
  const region = workstation?.region ?? zone.replace(/[a-z]$/, '');
  const monthly = volumeMonthlyUsd(ops, { type: spec.type, region, size_gb: size });
  await confirm(
    context,
    `Create a ${size} GB ${spec.type} volume '${name}' in ${zone} (${monthly === undefined ? 'price unknown' : `${formatUsd(monthly)}/month`})?`,
  );
  const volume = await createDataVolume(ops, {
    name,
    spec,
    region,
    availability_zone: zone,
    ...(workstation?.project ? { project: workstation.project } : {}),
  });
  const attached = workstation
    ? await attachDataVolume(ops, volume, workstation, flags.mount ?? DEFAULT_MOUNT)
    : undefined;
  if (context.flags.json)
    printJson(context, { volume, monthly_usd: monthly, ...(attached ? { attached } : {}) });
  else {
    context.stdout(`Created ${volume.id} (${name}, ${size} GB ${spec.type}) in ${zone}\n`);
    if (attached && workstation)
      context.stdout(attachedLine(volume.id, workstation.name, attached, flags.mount ?? DEFAULT_MOUNT));
  }
  return 0;
}

function attachedLine(
  volumeId: string,
  workstation: string,
  attached: { device: string; mounted: boolean },
  mount: string,
): string {
  return attached.mounted
    ? `Attached ${volumeId} to ${workstation} as ${attached.device}, mounted at ${mount}\n`
    : `Attached ${volumeId} to ${workstation} as ${attached.device}; it is mounted at ${mount} by 'cws-tui volumes attach' once the workstation runs (mount it then with: cws-tui exec ${workstation} --root -- mount -a)\n`;
}

async function attach(
  context: OperationCommandContext,
  reference: string,
  workstationName: string,
): Promise<number> {
  const volume = await findVolume(context.ops, reference);
  const workstation = await findWorkstationByName(context.session, workstationName);
  const mount = context.flags.mount ?? DEFAULT_MOUNT;
  await confirm(
    context,
    `Attach ${volume.id} (${volume.name}) to ${workstation.name} and mount it at ${mount}?`,
  );
  const attached = await attachDataVolume(context.ops, volume, workstation, mount);
  if (context.flags.json)
    printJson(context, { volume: volume.id, workstation: workstation.name, ...attached, mount_point: mount });
  else context.stdout(attachedLine(volume.id, workstation.name, attached, mount));
  return 0;
}

async function detach(context: OperationCommandContext, reference: string): Promise<number> {
  const volume = await findVolume(context.ops, reference);
  const instanceId = volume.attachments[0]?.instance_id;
  const workstation = instanceId
    ? (await context.session.listWorkstations()).find((w) => w.id === instanceId)
    : undefined;
  await confirm(
    context,
    `Unmount and detach ${volume.id} (${volume.name}) from ${workstation?.name ?? instanceId ?? 'nothing'}?`,
  );
  await detachDataVolume(context.ops, volume, workstation, context.flags.force);
  if (context.flags.json) printJson(context, { volume: volume.id, detached_from: instanceId });
  else context.stdout(`Detached ${volume.id} from ${workstation?.name ?? instanceId}\n`);
  return 0;
}

async function remove(context: OperationCommandContext, reference: string): Promise<number> {
  const volume = await findVolume(context.ops, reference);
  await confirm(
    context,
    `Delete ${volume.id} (${volume.name}, ${volume.size_gb} GB)? Its data is gone unless you have a snapshot.`,
  );
  await deleteDataVolume(context.ops, volume);
  if (context.flags.json) printJson(context, { deleted: volume.id });
  else context.stdout(`Deleted ${volume.id}\n`);
  return 0;
}
