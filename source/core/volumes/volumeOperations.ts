import { randomUUID } from 'node:crypto';
import { requireCommandTargets } from '../exec/requireCommandTargets.js';
import { runRemoteCommand } from '../exec/runRemoteCommand.js';
import { OperationError } from '../operations/OperationError.js';
import type { OperationsContext } from '../operations/OperationsContext.js';
import { TAG, type Volume } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';
import { mountVolumeScript, requireMountPoint, unmountVolumeScript } from './mountScripts.js';
import { checkVolumeSpec, isRootVolume, nextDataDevice, type VolumeSpec } from './volumeRules.js';

/** A data volume by id or Name tag, among the app's volumes in the session's regions. */
export async function findVolume(context: OperationsContext, reference: string): Promise<Volume> {
  const volumes = await context.account.blockStorage.listVolumes(context.account.regions);
  const matches = volumes.filter((v) => v.id === reference || (v.name === reference && !isRootVolume(v)));
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new OperationError(
      'invalid',
      `more than one volume is named '${reference}': use its id (${matches.map((v) => v.id).join(', ')})`,
    );
  }
  throw new OperationError('invalid', `no volume '${reference}'`, 'cws-tui volumes list shows them.');
}

export async function createDataVolume(
  context: OperationsContext,
  request: { name: string; spec: VolumeSpec; region: string; availability_zone: string; project?: string },
): Promise<Volume> {
  checkVolumeSpec(request.spec, context.profile.policy);
  const user = await context.researchUser();
  const volume = await context.account.blockStorage.createVolume({
    region: request.region,
    availability_zone: request.availability_zone,
    ...request.spec,
    client_token: randomUUID(),
    tags: {
      [TAG.managed]: 'true',
      [TAG.name]: request.name,
      [TAG.profile]: context.profile.name,
      [TAG.researchUser]: user.username,
      ...(request.project ? { [TAG.project]: request.project, project: request.project } : {}),
    },
  });
  await context.audit({
    action: 'volume-create',
    profile: context.profile.name,
    targets: [volume.id],
    size_gb: volume.size_gb,
    type: volume.type,
  });
  return volume;
}

/**
 * Attaches a data volume to a workstation in the same availability zone and, when it is running,
 * mounts it through SSM for the workstation's research user. A volume elsewhere is refused with the
 * way across (a snapshot restored in the workstation's zone).
 */
export async function attachDataVolume(
  context: OperationsContext,
  volume: Volume,
  workstation: Workstation,
  mountPoint: string,
): Promise<{ device: string; mounted: boolean; output: string }> {
  requireMountPoint(mountPoint);
  if (isRootVolume(volume))
    throw new OperationError('refused', `${volume.id} is a root volume: it cannot be attached elsewhere`);
  const instance = workstation.instance;
  if (workstation.kind !== 'ec2' || !instance)
    throw new OperationError('refused', `${workstation.name} is not an EC2 workstation`);
  if (volume.attachments.length > 0) {
    throw new OperationError(
      'refused',
      `${volume.id} is attached to ${volume.attachments[0]?.instance_id}`,
      `Detach it first: cws-tui volumes detach ${volume.id}`,
    );
  }
  if (instance.availability_zone && volume.availability_zone !== instance.availability_zone) {
    throw new OperationError(
      'refused',
      `${volume.id} is in ${volume.availability_zone} but ${workstation.name} is in ${instance.availability_zone}: EBS volumes attach only within their availability zone`,
      `Snapshot it and restore the snapshot next to the workstation: cws-tui snapshot create ${volume.id}, then cws-tui snapshot restore <snapshot> --to ${workstation.name}`,
    );
  }
  const attached = await context.account.blockStorage.listVolumes([workstation.region], {
    instance_ids: [workstation.id],
  });
  const device = nextDataDevice(attached, workstation.id);
  await context.account.blockStorage.attachVolume(workstation.region, volume.id, workstation.id, device);
  await context.audit({
    action: 'volume-attach',
    profile: context.profile.name,
    targets: [volume.id, workstation.name],
    device,
    mount_point: mountPoint,
  });
  if (workstation.state !== 'running') return { device, mounted: false, output: '' };
  await requireCommandTargets(context.account.commands, [workstation]);
  const invocation = await runRemoteCommand(
    context.account.commands,
    {
      region: workstation.region,
      instance_id: workstation.id,
      script: mountVolumeScript({
        volume_id: volume.id,
        device,
        mount_point: mountPoint,
        owner: workstation.research_user ?? 'root',
      }),
      comment: `cws-tui mount ${volume.id}`,
      timeout_seconds: 300,
    },
    { intervalMs: context.pollIntervalMs },
  );
  if (invocation.status !== 'success') {
    throw new OperationError(
      'refused',
      `${volume.id} is attached as ${device} but mounting it failed: ${(invocation.stderr || invocation.status).trim()}`,
      `Look with: cws-tui exec ${workstation.name} --root -- lsblk`,
    );
  }
  return { device, mounted: true, output: invocation.stdout };
}

/** Unmounts (on a running workstation) and detaches; `force` detaches even when unmounting failed. */
export async function detachDataVolume(
  context: OperationsContext,
  volume: Volume,
  workstation: Workstation | undefined,
  force: boolean,
): Promise<void> {
  if (isRootVolume(volume))
    throw new OperationError('refused', `${volume.id} is a root volume: it stays with its workstation`);
  const attachment = volume.attachments[0];
  if (!attachment) throw new OperationError('refused', `${volume.id} is not attached`);
  if (workstation?.state === 'running') {
    const invocation = await runRemoteCommand(
      context.account.commands,
      {
        region: volume.region,
        instance_id: attachment.instance_id,
        script: unmountVolumeScript(volume.id),
        comment: `cws-tui unmount ${volume.id}`,
        timeout_seconds: 120,
      },
      { intervalMs: context.pollIntervalMs },
    ).catch((error: unknown) => ({
      status: 'failed' as const,
      stderr: error instanceof Error ? error.message : String(error),
    }));
    if (invocation.status !== 'success' && !force) {
      throw new OperationError(
        'refused',
        `${volume.id} could not be unmounted on ${workstation.name}: ${invocation.stderr.trim() || invocation.status}`,
        'Close what uses it, or add --force to detach anyway (unwritten data may be lost).',
      );
    }
  }
  await context.account.blockStorage.detachVolume(volume.region, volume.id, attachment.instance_id);
  await context.audit({
    action: 'volume-detach',
    profile: context.profile.name,
    targets: [volume.id, attachment.instance_id],
    force,
  });
}

export async function deleteDataVolume(context: OperationsContext, volume: Volume): Promise<void> {
  if (isRootVolume(volume))
    throw new OperationError('refused', `${volume.id} is a root volume: terminate its workstation instead`);
  if (volume.attachments.length > 0) {
    throw new OperationError(
      'refused',
      `${volume.id} is attached to ${volume.attachments[0]?.instance_id}`,
      `Detach it first: cws-tui volumes detach ${volume.id}`,
    );
  }
  if (volume.tags[TAG.managed] !== 'true')
    throw new OperationError('refused', `${volume.id} was not created by cws-tui: it is left alone`);
  await context.account.blockStorage.deleteVolume(volume.region, volume.id);
  await context.audit({
    action: 'volume-delete',
    profile: context.profile.name,
    targets: [volume.id],
    size_gb: volume.size_gb,
  });
}
