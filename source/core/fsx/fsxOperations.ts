import type { ResearchUser } from '../identity/ResearchUser.js';
import type { NetworkChoice } from '../network/NetworkChoice.js';
import { NetworkSettingsStore } from '../network/NetworkSettingsStore.js';
import { OperationError } from '../operations/OperationError.js';
import type { OperationsContext } from '../operations/OperationsContext.js';
import { TAG } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';
import type { FsxDataRepository, FsxFileSystem, FsxTask, FsxTaskKind } from './FsxFileSystem.js';
import { FSX_MOUNT_TAG } from './fsxTags.js';
import type { FsxCreatePlan } from './planFsxCreate.js';
import { requireStoragePolicy } from './requireStoragePolicy.js';
import type { StoragePolicyRequest } from './storagePolicySchema.js';

/** Lustre takes minutes to create; the S3 link waits for it (an interrupted wait resumes on a rerun). */
const AVAILABLE_TIMEOUT_MS = 45 * 60_000;
const TASK_TIMEOUT_MS = 6 * 60 * 60_000;

export type FsxProgress = (message: string) => void;

async function waitFor<T>(
  context: OperationsContext,
  timeoutMs: number,
  poll: () => Promise<T | undefined>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await poll();
    if (found !== undefined) return found;
    if (Date.now() > deadline)
      throw new OperationError(
        'refused',
        `${what} took longer than expected`,
        'Look with: cws-tui storage list',
      );
    await new Promise((resolve) => setTimeout(resolve, context.pollIntervalMs));
  }
}

/** A research user a quota names; the caller's own is made on first use, so it may not be stored yet. */
export function quotaUserLookup(
  context: OperationsContext,
): (username: string) => Promise<ResearchUser | undefined> {
  return async (username) => {
    const found = await context.findResearchUser(username);
    if (found) return found;
    const own = await context.researchUser();
    return own.username === username ? own : undefined;
  };
}

/** A planned FSx file system as the storage policy sees it. */
export function fsxPolicyRequest(region: string, plan: FsxCreatePlan): StoragePolicyRequest {
  const { request } = plan;
  return {
    kind: 'storage',
    region,
    type: request.type,
    capacity_gib: request.capacity_gib,
    // Lustre's throughput is per TiB stored; the policy caps the whole file system's.
    throughput_mbps:
      request.type === 'lustre' ? (request.throughput * request.capacity_gib) / 1024 : request.throughput,
    monthly_usd: plan.monthly.total_usd,
  };
}

/** The subnet and security group `network use` recorded for the profile (none: the default VPC). */
function recordedNetwork(context: OperationsContext, region: string): Promise<NetworkChoice> {
  if (!context.configDir) return Promise.resolve({});
  return new NetworkSettingsStore(context.configDir).choice(context.profile.name, region);
}

/**
 * Creates a Lustre or OpenZFS file system in the profile's subnet, tagged as the app's, records it
 * in the audit log, and (for `--s3`) waits until it is available to link it to S3. The profile's
 * storage policy decides first (the same check EFS gets). Running it again with the same name
 * resumes: FSx's request token finds the file system the first run made.
 */
export async function createFsxFileSystem(
  context: OperationsContext,
  region: string,
  plan: FsxCreatePlan,
  onProgress: FsxProgress = () => {},
): Promise<FsxFileSystem> {
  requireStoragePolicy(context.profile.policy, context.profile.name, fsxPolicyRequest(region, plan));
  const network = await recordedNetwork(context, region);
  const tags: Record<string, string> = {
    [TAG.managed]: 'true',
    [TAG.profile]: context.profile.name,
    ...(context.profile.project ? { [TAG.project]: context.profile.project } : {}),
    [TAG.researchUser]: (await context.researchUser()).username,
  };
  const created = await context.account.fsx.createFileSystem(region, {
    ...plan.request,
    tags,
    ...(network.subnet_id ? { subnet_id: network.subnet_id } : {}),
    ...(network.security_group_id ? { security_group_id: network.security_group_id } : {}),
  });
  onProgress(`${created.name} is ${created.id} (${created.state})`);
  await context.audit({
    action: 'fsx-create',
    profile: context.profile.name,
    targets: [created.id],
    name: created.name,
    region,
    type: plan.request.type,
    deployment: plan.request.deployment,
    capacity_gib: plan.request.capacity_gib,
    throughput: plan.request.throughput,
    monthly_usd: Math.round(plan.monthly.total_usd * 100) / 100,
  });
  if (!plan.data_repository) return created;
  const available = await waitFor(
    context,
    AVAILABLE_TIMEOUT_MS,
    async () => {
      const current = await context.account.fsx.findFileSystem(region, created.id);
      if (current?.state === 'failed')
        throw new OperationError('refused', `${created.id} failed to create`, 'Delete it and try again.');
      return current?.state === 'available' ? current : undefined;
    },
    `${created.id} becoming available`,
  );
  onProgress(`${created.id} is available; linking it to ${plan.data_repository.s3_path}`);
  const repository: FsxDataRepository = await context.account.fsx.linkDataRepository(
    region,
    created.id,
    plan.data_repository,
  );
  return { ...available, data_repository: repository };
}

/** The workstations (not terminated) launched with the FSx file system, by their tag. */
export function workstationsMountingFsx(
  fileSystem: FsxFileSystem,
  workstations: readonly Workstation[],
): Workstation[] {
  return workstations.filter(
    (w) =>
      w.kind === 'ec2' &&
      w.region === fileSystem.region &&
      w.instance?.tags[FSX_MOUNT_TAG] === fileSystem.id &&
      w.state !== 'terminated' &&
      w.state !== 'shutting-down',
  );
}

export async function findFsxFileSystem(
  context: OperationsContext,
  region: string,
  id: string,
): Promise<FsxFileSystem> {
  const found = await context.account.fsx.findFileSystem(region, id);
  if (!found) {
    throw new OperationError(
      'refused',
      `${id} is not an FSx file system in ${region}: nothing was changed`,
      'Check the id and --region with: cws-tui storage list',
    );
  }
  return found;
}

/**
 * Deletes an FSx file system (its files are lost; no final backup is kept). One a workstation
 * mounts, or one the app did not create, needs `force` and its name typed back.
 */
export async function deleteFsxFileSystem(
  context: OperationsContext,
  fileSystem: FsxFileSystem,
  workstations: readonly Workstation[],
  confirmation: { force: boolean; typed_name?: string },
): Promise<{ mounted_by: string[] }> {
  const mounting = workstationsMountingFsx(fileSystem, workstations).map((w) => w.name);
  const foreign = fileSystem.tags[TAG.managed] !== 'true';
  if (mounting.length > 0 || foreign) {
    const why = foreign
      ? `${fileSystem.id} was not created by cws-tui`
      : `${fileSystem.id} is mounted by ${mounting.join(', ')}`;
    if (!confirmation.force || confirmation.typed_name !== fileSystem.name) {
      throw new OperationError(
        'refused',
        `${why}: nothing was deleted`,
        `To delete it anyway add --force --confirm ${fileSystem.name} (its name typed back).`,
      );
    }
  }
  await context.account.fsx.deleteFileSystem(fileSystem.region, fileSystem.id);
  await context.audit({
    action: 'fsx-delete',
    profile: context.profile.name,
    targets: [fileSystem.id],
    name: fileSystem.name,
    region: fileSystem.region,
    type: fileSystem.type,
    capacity_gib: fileSystem.capacity_gib,
    force: confirmation.force,
    mounted_by: mounting,
    foreign,
  });
  return { mounted_by: mounting };
}

/** Starts an import, export or release task on a Lustre file system linked to S3 and follows it to the end. */
export async function runFsxTask(
  context: OperationsContext,
  fileSystem: FsxFileSystem,
  kind: FsxTaskKind,
  onProgress: (task: FsxTask) => void = () => {},
): Promise<FsxTask> {
  if (fileSystem.type !== 'lustre') {
    throw new OperationError(
      'invalid',
      `${fileSystem.id} is OpenZFS: import, export and release are Lustre's links to S3`,
    );
  }
  if (!fileSystem.data_repository) {
    throw new OperationError(
      'refused',
      `${fileSystem.id} is not linked to S3: nothing to ${kind}`,
      'Create a Lustre file system with --s3 s3://bucket/prefix to link one.',
    );
  }
  const started = await context.account.fsx.startTask(fileSystem.region, fileSystem, kind);
  onProgress(started);
  await context.audit({
    action: `fsx-${kind}`,
    profile: context.profile.name,
    targets: [fileSystem.id, started.id],
  });
  let last = started;
  return waitFor(
    context,
    TASK_TIMEOUT_MS,
    async () => {
      const task = await context.account.fsx.describeTask(fileSystem.region, started.id);
      if (task.succeeded !== last.succeeded || task.state !== last.state) onProgress(task);
      last = task;
      return ['succeeded', 'failed', 'canceled'].includes(task.state) ? task : undefined;
    },
    `the ${kind} task ${started.id}`,
  );
}
