import {
  DeleteAccessPointCommand,
  DeleteFileSystemCommand,
  DeleteMountTargetCommand,
  DescribeMountTargetsCommand,
  type EFSClient,
  type MountTargetDescription,
  paginateDescribeAccessPoints,
} from '@aws-sdk/client-efs';
import { CloudError } from '../core/CloudError.js';
import { callAws } from './callAws.js';
import type { AwsCallContext } from './translateAwsError.js';

/**
 * CreateMountTarget returns while the target is still `creating` (EFS API Reference,
 * MountTargetDescription LifeCycleState), typically for one to two minutes; a workstation booting
 * before then comes up without its file system. Polled every 5 s for up to 4 minutes.
 */
export const MOUNT_TARGET_POLL_MS = 5000;
export const MOUNT_TARGET_POLLS = 48;

export interface EfsCallOptions {
  efs: EFSClient;
  region: string;
  context: (action: string, region: string) => AwsCallContext;
  sleep: (ms: number) => Promise<void>;
}

async function mountTargets(
  options: EfsCallOptions,
  fileSystemId: string,
): Promise<MountTargetDescription[]> {
  const described = await callAws(
    options.context('elasticfilesystem:DescribeMountTargets', options.region),
    () => options.efs.send(new DescribeMountTargetsCommand({ FileSystemId: fileSystemId })),
  );
  return described.MountTargets ?? [];
}

/**
 * Waits until every mount target of the file system is `available` (EFS API Reference,
 * MountTargetDescription LifeCycleState: creating | available | updating | deleting | deleted |
 * error), or until none is left (`gone`, before DeleteFileSystem, which refuses a file system that
 * still has mount targets).
 */
export async function waitForMountTargets(
  options: EfsCallOptions,
  fileSystemId: string,
  until: 'available' | 'gone',
): Promise<void> {
  let last = '';
  for (let poll = 0; poll < MOUNT_TARGET_POLLS; poll += 1) {
    const targets = (await mountTargets(options, fileSystemId)).filter(
      (target) => target.LifeCycleState !== 'deleted',
    );
    const failed = targets.find((target) => target.LifeCycleState === 'error');
    if (failed) {
      throw new CloudError({
        kind: 'conflict',
        code: 'MountTargetError',
        message: `The mount target ${failed.MountTargetId} of ${fileSystemId} in ${failed.AvailabilityZoneName ?? options.region} is in error.`,
        hint: 'Delete it in the EFS console, then retry: a new one is created.',
      });
    }
    const waiting = targets.filter((target) =>
      until === 'gone' ? true : target.LifeCycleState !== 'available',
    );
    if (waiting.length === 0) return;
    last = waiting.map((target) => `${target.MountTargetId} ${target.LifeCycleState}`).join(', ');
    await options.sleep(MOUNT_TARGET_POLL_MS);
  }
  throw new CloudError({
    kind: 'conflict',
    code: 'MountTargetNotReady',
    message: `The mount targets of ${fileSystemId} in ${options.region} are still not ${until === 'gone' ? 'deleted' : 'available'} (${last}).`,
    hint: 'EFS is slower than usual: retry in a few minutes.',
    retryable: true,
  });
}

/**
 * Deletes a file system the only way EFS allows: access points and mount targets first, then, once
 * the mount targets are gone, the file system (EFS API Reference, DeleteFileSystem: "you must first
 * delete all mount targets").
 */
export async function deleteEfsFileSystem(options: EfsCallOptions, fileSystemId: string): Promise<void> {
  const { efs, region, context } = options;
  const accessPoints: string[] = [];
  await callAws(context('elasticfilesystem:DescribeAccessPoints', region), async () => {
    for await (const page of paginateDescribeAccessPoints({ client: efs }, { FileSystemId: fileSystemId })) {
      for (const point of page.AccessPoints ?? [])
        if (point.AccessPointId) accessPoints.push(point.AccessPointId);
    }
  });
  for (const id of accessPoints) {
    await callAws(context('elasticfilesystem:DeleteAccessPoint', region), () =>
      efs.send(new DeleteAccessPointCommand({ AccessPointId: id })),
    ).catch(unless('AccessPointNotFound'));
  }
  for (const target of await mountTargets(options, fileSystemId)) {
    if (!target.MountTargetId || target.LifeCycleState === 'deleting' || target.LifeCycleState === 'deleted')
      continue;
    // Another session deleting the same file system may have removed it meanwhile.
    await callAws(context('elasticfilesystem:DeleteMountTarget', region), () =>
      efs.send(new DeleteMountTargetCommand({ MountTargetId: target.MountTargetId })),
    ).catch(unless('MountTargetNotFound'));
  }
  await waitForMountTargets(options, fileSystemId, 'gone');
  try {
    await callAws(context('elasticfilesystem:DeleteFileSystem', region), () =>
      efs.send(new DeleteFileSystemCommand({ FileSystemId: fileSystemId })),
    );
  } catch (error) {
    if (error instanceof CloudError && error.code === 'FileSystemInUse') {
      // A mount target created meanwhile (a launch in progress) keeps the file system.
      throw new CloudError({
        kind: 'conflict',
        code: 'FileSystemInUse',
        message: `${fileSystemId} in ${region} got a new mount target while it was being deleted: a workstation is being launched with it.`,
        hint: 'Nothing was lost. Wait for the launch, unmount it there (cws-tui storage unmount), then delete again.',
      });
    }
    throw error;
  }
}

/** Passes over an error whose code says the thing is already gone. */
function unless(code: string): (error: unknown) => void {
  return (error) => {
    if (!(error instanceof CloudError && error.code === code)) throw error;
  };
}
