import { randomUUID } from 'node:crypto';
import { OperationError } from '../operations/OperationError.js';
import type { OperationsContext } from '../operations/OperationsContext.js';
import { type Snapshot, TAG, type Volume } from '../ports.js';
import { attachDataVolume } from '../volumes/volumeOperations.js';
import { isRootVolume } from '../volumes/volumeRules.js';
import type { Workstation } from '../workstations/Workstation.js';
import { snapshotUsdPerGbMonth } from './snapshotPrice.js';

export const SNAPSHOT_TAG = {
  workstation: 'cws:workstation',
  role: 'cws:volume-role',
  sourceVolume: 'cws:source-volume',
} as const;

export interface PricedSnapshot extends Snapshot {
  workstation?: string;
  role?: string;
  usd_per_gb_month: number;
  /** At most this per month: snapshots after the first store only changed blocks. */
  monthly_usd: number;
}

export function priceSnapshot(snapshot: Snapshot): PricedSnapshot {
  const rate = snapshotUsdPerGbMonth(snapshot.region);
  const workstation = snapshot.tags[SNAPSHOT_TAG.workstation];
  const role = snapshot.tags[SNAPSHOT_TAG.role];
  return {
    ...snapshot,
    ...(workstation ? { workstation } : {}),
    ...(role ? { role } : {}),
    usd_per_gb_month: rate,
    monthly_usd: rate * snapshot.size_gb,
  };
}

/** Snapshots of the given volumes (a workstation's root and data volumes, or one data volume), tagged. */
export async function createSnapshots(
  context: OperationsContext,
  volumes: readonly Volume[],
  owner: { workstation?: string; description?: string },
): Promise<PricedSnapshot[]> {
  const snapshots: PricedSnapshot[] = [];
  const day = new Date().toISOString().slice(0, 10);
  for (const volume of volumes) {
    const role = isRootVolume(volume) ? 'root' : 'data';
    const label = owner.workstation ?? volume.name;
    const snapshot = await context.account.blockStorage.createSnapshot(
      volume.region,
      volume.id,
      owner.description ?? `cws-tui: ${role} volume of ${label}, ${day}`,
      {
        [TAG.managed]: 'true',
        [TAG.name]: `${label}-${role}-${day}`,
        [TAG.profile]: context.profile.name,
        [SNAPSHOT_TAG.role]: role,
        [SNAPSHOT_TAG.sourceVolume]: volume.id,
        ...(owner.workstation ? { [SNAPSHOT_TAG.workstation]: owner.workstation } : {}),
        ...(volume.tags[TAG.project] ? { [TAG.project]: volume.tags[TAG.project] } : {}),
        // The volume's owner owns its snapshots: a member's policy creates and deletes only those.
        ...(volume.tags[TAG.researchUser] ? { [TAG.researchUser]: volume.tags[TAG.researchUser] } : {}),
      },
    );
    snapshots.push(priceSnapshot(snapshot));
  }
  await context.audit({
    action: 'snapshot-create',
    profile: context.profile.name,
    targets: snapshots.map((s) => s.id),
    volumes: volumes.map((v) => v.id),
  });
  return snapshots;
}

export async function findSnapshot(context: OperationsContext, id: string): Promise<Snapshot> {
  const snapshot = (await context.account.blockStorage.listSnapshots(context.account.regions)).find(
    (s) => s.id === id,
  );
  if (!snapshot)
    throw new OperationError(
      'invalid',
      `no snapshot ${id} made by cws-tui`,
      'cws-tui snapshot list shows them.',
    );
  return snapshot;
}

/**
 * Restores a snapshot onto a workstation: a root snapshot replaces its root volume (EC2 keeps the
 * old one; the workstation must be running and must be the one it came from), any other becomes a
 * new data volume in the workstation's zone, attached and mounted.
 */
export async function restoreSnapshot(
  context: OperationsContext,
  snapshot: Snapshot,
  workstation: Workstation,
  options: { root: boolean; mount_point: string },
): Promise<
  { kind: 'root'; task_id: string } | { kind: 'volume'; volume_id: string; device: string; mounted: boolean }
> {
  if (snapshot.state !== 'completed') {
    throw new OperationError(
      'refused',
      `${snapshot.id} is still ${snapshot.state} (${snapshot.progress})`,
      'Restore it once cws-tui snapshot list shows it completed.',
    );
  }
  if (options.root) {
    if (snapshot.tags[SNAPSHOT_TAG.role] !== 'root')
      throw new OperationError('refused', `${snapshot.id} is not a root volume snapshot`);
    if (snapshot.tags[SNAPSHOT_TAG.workstation] !== workstation.name) {
      throw new OperationError(
        'refused',
        `${snapshot.id} is of ${snapshot.tags[SNAPSHOT_TAG.workstation] ?? 'another workstation'}: a root volume is restored only onto its own workstation`,
      );
    }
    if (workstation.state !== 'running') {
      throw new OperationError(
        'refused',
        `${workstation.name} is ${workstation.state}: start it first (EC2 replaces the root volume of a running instance, rebooting it)`,
        `cws-tui start ${workstation.name}`,
      );
    }
    const taskId = await context.account.blockStorage.replaceRootVolume(
      workstation.region,
      workstation.id,
      snapshot.id,
    );
    await context.audit({
      action: 'snapshot-restore-root',
      profile: context.profile.name,
      targets: [snapshot.id, workstation.name],
      task_id: taskId,
    });
    return { kind: 'root', task_id: taskId };
  }
  const zone = workstation.instance?.availability_zone;
  if (!zone) throw new OperationError('refused', `${workstation.name} has no availability zone known yet`);
  if (snapshot.region !== workstation.region) {
    throw new OperationError(
      'refused',
      `${snapshot.id} is in ${snapshot.region} but ${workstation.name} is in ${workstation.region}`,
      'Copy the snapshot to that region in the EC2 console first.',
    );
  }
  const volume = await context.account.blockStorage.createVolume({
    region: workstation.region,
    availability_zone: zone,
    size_gb: snapshot.size_gb,
    type: 'gp3',
    snapshot_id: snapshot.id,
    client_token: randomUUID(),
    tags: {
      [TAG.managed]: 'true',
      [TAG.name]: `${snapshot.tags[TAG.name] ?? snapshot.id}-restored`,
      [TAG.profile]: context.profile.name,
      ...(workstation.research_user ? { [TAG.researchUser]: workstation.research_user } : {}),
    },
  });
  const attached = await attachDataVolume(context, volume, workstation, options.mount_point);
  await context.audit({
    action: 'snapshot-restore',
    profile: context.profile.name,
    targets: [snapshot.id, volume.id, workstation.name],
  });
  return { kind: 'volume', volume_id: volume.id, device: attached.device, mounted: attached.mounted };
}

export async function deleteSnapshot(context: OperationsContext, snapshot: Snapshot): Promise<void> {
  if (snapshot.tags[TAG.managed] !== 'true')
    throw new OperationError('refused', `${snapshot.id} was not made by cws-tui: it is left alone`);
  await context.account.blockStorage.deleteSnapshot(snapshot.region, snapshot.id);
  await context.audit({
    action: 'snapshot-delete',
    profile: context.profile.name,
    targets: [snapshot.id],
    size_gb: snapshot.size_gb,
  });
}
