import { requireCommandTargets } from '../exec/requireCommandTargets.js';
import { runRemoteCommand } from '../exec/runRemoteCommand.js';
import { OperationError } from '../operations/OperationError.js';
import type { OperationsContext } from '../operations/OperationsContext.js';
import type { Workstation } from '../workstations/Workstation.js';
import { type BenchTarget, fsxBenchTarget, volumeBenchTarget } from './benchTarget.js';
import { FileStorageBenchStore } from './FileStorageBenchStore.js';
import { type BenchPattern, fioBenchScript } from './fioBenchScript.js';
import { parseFioJson } from './parseFioJson.js';
import type { StorageBenchResult } from './StorageBenchResult.js';

export interface BenchStorageRequest {
  workstation: Workstation;
  /** An FSx file system id (fs-...) or an EBS volume id (vol-...). */
  target_id: string;
  pattern: BenchPattern;
  size: string;
  /** Where it is mounted; the launch's /fsx or the volumes' /data when absent. */
  directory?: string;
}

/** fio's seq and random runs take a minute; installing fio and laying out files takes more. */
const BENCH_TIMEOUT_SECONDS = 1800;

async function findTarget(
  ops: OperationsContext,
  workstation: Workstation,
  id: string,
): Promise<BenchTarget> {
  if (id.startsWith('fs-')) {
    const found = await ops.account.fsx.findFileSystem(workstation.region, id);
    if (!found) {
      throw new OperationError(
        'refused',
        `the FSx file system ${id} does not exist in ${workstation.region}`,
        'See cws-tui storage list.',
      );
    }
    return fsxBenchTarget(found);
  }
  const volumes = await ops.account.blockStorage.listVolumes([workstation.region], {
    instance_ids: [workstation.id],
  });
  const volume = volumes.find((v) => v.id === id);
  if (!volume?.attachments.some((a) => a.instance_id === workstation.id)) {
    throw new OperationError(
      'refused',
      `the volume ${id} is not attached to ${workstation.name}`,
      `Attach it first: cws-tui volumes attach ${id} ${workstation.name}`,
    );
  }
  return volumeBenchTarget(volume);
}

/**
 * Runs fio on the workstation through SSM against a mounted FSx file system or EBS volume, reads
 * its JSON and records the figures (with the storage type, its size and the instance type) in the
 * state dir, where `storage recommend` finds them.
 */
export async function benchStorage(
  ops: OperationsContext,
  request: BenchStorageRequest,
): Promise<StorageBenchResult> {
  const { workstation } = request;
  const target = await findTarget(ops, workstation, request.target_id);
  await requireCommandTargets(ops.account.commands, [workstation]);
  const script = fioBenchScript({
    pattern: request.pattern,
    size: request.size,
    directory: request.directory ?? target.default_directory,
    kind: target.kind,
  });
  const invocation = await runRemoteCommand(
    ops.account.commands,
    {
      region: workstation.region,
      instance_id: workstation.id,
      script,
      comment: `cws-tui storage bench ${target.id} ${request.pattern}`,
      timeout_seconds: BENCH_TIMEOUT_SECONDS,
    },
    { intervalMs: ops.pollIntervalMs },
  );
  if (invocation.status !== 'success') {
    throw new OperationError(
      'refused',
      `the benchmark on ${workstation.name} ${invocation.status}: ${invocation.stderr.trim().split('\n').slice(-3).join(' ') || `exit code ${invocation.exit_code ?? 'unknown'}`}`,
      'Check the file system is mounted there (cws-tui exec <name> -- df -h), or pass --mount DIR.',
    );
  }
  const summary = parseFioJson(invocation.stdout);
  if ('problem' in summary) {
    throw new OperationError(
      'refused',
      `the benchmark on ${workstation.name} gave no figures: ${summary.problem}`,
    );
  }
  const result: StorageBenchResult = {
    at: new Date().toISOString(),
    workstation: workstation.name,
    instance_type: workstation.instance_type,
    target_id: target.id,
    storage_type: target.storage_type,
    capacity_gib: target.capacity_gib,
    pattern: request.pattern,
    size: request.size,
    ...summary,
  };
  await new FileStorageBenchStore(ops.stateDir).add(result);
  await ops.audit({
    action: 'storage-bench',
    profile: ops.profile.name,
    targets: [target.id, workstation.name],
  });
  return result;
}
