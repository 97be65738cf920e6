import {
  DeleteFileSystemCommand,
  DeleteMountTargetCommand,
  DescribeAccessPointsCommand,
  DescribeMountTargetsCommand,
  EFSClient,
  FileSystemInUse,
  MountTargetNotFound,
} from '@aws-sdk/client-efs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteEfsFileSystem, type EfsCallOptions } from '../../source/aws/efsMountTargets.js';
import { rejectionOf } from './rejectionOf.js';

const efsMock = mockClient(EFSClient);
const efs = new EFSClient({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  maxAttempts: 1,
});
const FS = 'fs-0123456789abcdef0';
let polls = 0;
const options: EfsCallOptions = {
  efs,
  region: 'eu-west-1',
  context: (action, region) => ({ action, region }),
  sleep: async () => {
    polls += 1;
  },
};
const target = (id: string, zone: string, state: 'available' | 'deleting') => ({
  MountTargetId: id,
  FileSystemId: FS,
  SubnetId: `subnet-${zone}`,
  AvailabilityZoneName: `eu-west-1${zone}`,
  LifeCycleState: state,
  VpcId: 'vpc-0abc',
});

beforeEach(() => {
  efsMock.reset();
  polls = 0;
});

describe('deleteEfsFileSystem', () => {
  it('deletes every mount target, skips one already gone (MountTargetNotFound), waits, then deletes the file system', async () => {
    const calls: string[] = [];
    let deleted = false;
    efsMock
      .on(DescribeAccessPointsCommand)
      .resolves({ AccessPoints: [] })
      .on(DescribeMountTargetsCommand)
      .callsFake(() => {
        calls.push('describe');
        // Both read as deleting on the first poll after the deletes, then are gone.
        if (!deleted)
          return { MountTargets: [target('fsmt-a', 'a', 'available'), target('fsmt-b', 'b', 'available')] };
        if (polls === 0) return { MountTargets: [target('fsmt-a', 'a', 'deleting')] };
        return { MountTargets: [] };
      })
      .on(DeleteMountTargetCommand)
      .callsFake((input: { MountTargetId: string }) => {
        calls.push(`delete ${input.MountTargetId}`);
        deleted = true;
        if (input.MountTargetId === 'fsmt-b') {
          throw new MountTargetNotFound({
            ErrorCode: 'MountTargetNotFound',
            message: 'Mount target fsmt-b does not exist',
            $metadata: { httpStatusCode: 404 },
          });
        }
        return {};
      })
      .on(DeleteFileSystemCommand)
      .callsFake(() => {
        calls.push('delete file system');
        return {};
      });
    await deleteEfsFileSystem(options, FS);
    expect(calls).toEqual([
      'describe',
      'delete fsmt-a',
      'delete fsmt-b',
      'describe',
      'describe',
      'delete file system',
    ]);
    expect(polls).toBe(1);
  });

  it('says a launch took the file system meanwhile when EFS answers FileSystemInUse', async () => {
    efsMock
      .on(DescribeAccessPointsCommand)
      .resolves({ AccessPoints: [] })
      .on(DescribeMountTargetsCommand)
      .resolves({ MountTargets: [] })
      .on(DeleteFileSystemCommand)
      .rejects(
        new FileSystemInUse({
          ErrorCode: 'FileSystemInUse',
          message: `File system '${FS}' has mount targets created in it.`,
          $metadata: { httpStatusCode: 409 },
        }),
      );
    const error = await rejectionOf(deleteEfsFileSystem(options, FS));
    expect(error.code).toBe('FileSystemInUse');
    expect(error.message).toContain(`${FS} in eu-west-1 got a new mount target`);
    expect(error.hint).toContain('cws-tui storage unmount');
  });

  it('passes on any other failure of a mount target deletion, leaving the file system', async () => {
    efsMock
      .on(DescribeAccessPointsCommand)
      .resolves({ AccessPoints: [] })
      .on(DescribeMountTargetsCommand)
      .resolves({ MountTargets: [target('fsmt-a', 'a', 'available')] })
      .on(DeleteMountTargetCommand)
      .rejects(
        Object.assign(new Error('User is not authorized to perform elasticfilesystem:DeleteMountTarget'), {
          name: 'AccessDeniedException',
          $metadata: { httpStatusCode: 403 },
        }),
      );
    const error = await rejectionOf(deleteEfsFileSystem(options, FS));
    expect(error.kind).toBe('unauthorized');
    expect(efsMock.commandCalls(DeleteFileSystemCommand)).toHaveLength(0);
  });
});
