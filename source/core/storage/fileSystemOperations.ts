import { requireCommandTargets } from '../exec/requireCommandTargets.js';
import { runRemoteCommand } from '../exec/runRemoteCommand.js';
import { requireStoragePolicy } from '../fsx/requireStoragePolicy.js';
import { OperationError } from '../operations/OperationError.js';
import type { OperationsContext } from '../operations/OperationsContext.js';
import { type FileSystem, TAG } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';
import { efsUnmountScript } from './efsUnmountScript.js';

/** What a file system the app creates may be called (its Name tag). */
export const FILE_SYSTEM_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/**
 * Creates an encrypted EFS file system tagged as the app's (so only the app's own are ever
 * deleted), and records it in the audit log. Mount it with `launch --efs`. The profile's storage
 * policy decides first, as for FSx: EFS is elastic, so it provisions no capacity or throughput and
 * costs nothing until files are stored (the caps hold; only `storage.types` can refuse it).
 */
export async function createManagedFileSystem(
  context: OperationsContext,
  region: string,
  name: string,
): Promise<FileSystem> {
  if (!FILE_SYSTEM_NAME.test(name)) {
    throw new OperationError(
      'invalid',
      `the name '${name}' is not valid: 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
  requireStoragePolicy(context.profile.policy, context.profile.name, {
    kind: 'storage',
    region,
    type: 'efs',
    capacity_gib: 0,
    throughput_mbps: 0,
    monthly_usd: 0,
  });
  const created = await context.account.storage.createFileSystem(region, name, {
    [TAG.managed]: 'true',
    [TAG.profile]: context.profile.name,
  });
  await context.audit({
    action: 'efs-create',
    profile: context.profile.name,
    targets: [created.id],
    name,
    region,
  });
  return created;
}

/** One of the app's file systems in the region; one the app did not create is never acted on. */
export async function findManagedFileSystem(
  context: OperationsContext,
  region: string,
  fileSystemId: string,
  unchanged = 'nothing was changed',
): Promise<FileSystem> {
  const found = (await context.account.storage.listFileSystems([region])).find(
    (fileSystem) => fileSystem.id === fileSystemId,
  );
  if (found?.tags[TAG.managed] !== 'true') {
    throw new OperationError(
      'refused',
      `${fileSystemId} is not one of cws-tui's file systems in ${region}: ${unchanged}`,
      'Check the id and --region with: cws-tui storage list',
    );
  }
  return found;
}

/** The workstations (not terminated) launched with the file system or still mounting it, by their tag. */
export function workstationsMounting(
  fileSystem: FileSystem,
  workstations: readonly Workstation[],
): Workstation[] {
  return workstations.filter(
    (w) =>
      w.kind === 'ec2' &&
      w.region === fileSystem.region &&
      w.instance?.tags[TAG.efs] === fileSystem.id &&
      w.state !== 'terminated' &&
      w.state !== 'shutting-down',
  );
}

/**
 * Unmounts the file system on a running workstation through SSM and drops it from its fstab, then
 * removes the workstation's `cws:efs` tag so that the file system can be deleted. A busy mount is
 * refused unless `force` (a lazy unmount: it goes once the last file is closed).
 */
export async function unmountFileSystem(
  context: OperationsContext,
  fileSystem: FileSystem,
  workstation: Workstation,
  force: boolean,
): Promise<{ output: string }> {
  await requireCommandTargets(context.account.commands, [workstation]);
  const invocation = await runRemoteCommand(
    context.account.commands,
    {
      region: workstation.region,
      instance_id: workstation.id,
      script: efsUnmountScript(fileSystem.id, force),
      comment: `cws-tui efs-unmount ${fileSystem.id}`,
      timeout_seconds: 120,
    },
    { intervalMs: context.pollIntervalMs },
  );
  if (invocation.status !== 'success') {
    throw new OperationError(
      'refused',
      `${fileSystem.id} could not be unmounted on ${workstation.name}: ${(invocation.stderr || invocation.status).trim()}`,
      `Close what uses it, or add --force for a lazy unmount. Look with: cws-tui exec ${workstation.name} --root -- findmnt -t nfs4`,
    );
  }
  if (workstation.instance?.tags[TAG.efs] === fileSystem.id) {
    await context.account.instanceChanges.untagInstances(workstation.region, [workstation.id], [TAG.efs]);
  }
  await context.audit({
    action: 'efs-unmount',
    profile: context.profile.name,
    targets: [fileSystem.id, workstation.name],
    force,
  });
  return { output: invocation.stdout };
}

/**
 * Deletes one of the app's file systems with its mount targets and access points. Refused while a
 * workstation mounts it (its files would vanish under it) unless `force`; the audit log records
 * which workstations still had it.
 */
export async function deleteManagedFileSystem(
  context: OperationsContext,
  fileSystem: FileSystem,
  workstations: readonly Workstation[],
  force: boolean,
): Promise<void> {
  const mounting = workstationsMounting(fileSystem, workstations);
  if (mounting.length > 0 && !force) {
    const names = mounting.map((w) => w.name).join(', ');
    throw new OperationError(
      'refused',
      `${fileSystem.id} is mounted by ${names}: nothing was deleted`,
      `Unmount it first (cws-tui storage unmount ${fileSystem.id} ${mounting[0]?.name ?? '<workstation>'}), or add --force to delete it under them.`,
    );
  }
  await context.account.storage.deleteFileSystem(fileSystem.region, fileSystem.id);
  await context.audit({
    action: 'efs-delete',
    profile: context.profile.name,
    targets: [fileSystem.id],
    name: fileSystem.name,
    region: fileSystem.region,
    size_bytes: fileSystem.size_bytes,
    force,
    mounted_by: mounting.map((w) => w.name),
  });
}
