import {
  CreateDataRepositoryAssociationCommand,
  CreateDataRepositoryTaskCommand,
  DescribeDataRepositoryAssociationsCommand,
  DescribeDataRepositoryTasksCommand,
  type EventType,
  type FSxClient,
} from '@aws-sdk/client-fsx';
import { CloudError } from '../../core/CloudError.js';
import type {
  FsxDataRepository,
  FsxDataRepositoryRequest,
  FsxFileSystem,
  FsxTask,
  FsxTaskKind,
} from '../../core/fsx/FsxFileSystem.js';
import { TAG } from '../../core/ports.js';
import type { AwsCallContext } from '../AwsCallContext.js';
import { callAws } from '../callAws.js';
import { emptyResponseError } from '../emptyResponseError.js';
import { TASK_TYPES, toDataRepository, toFsxTask } from './toFsxFileSystem.js';

/** Where the S3 link appears on a Lustre file system. */
export const DATA_REPOSITORY_PATH = '/data';
const S3_EVENTS: EventType[] = ['NEW', 'CHANGED', 'DELETED'];
/** Release frees the file data of files not read for this long (it stays in S3). */
const RELEASE_AFTER_DAYS = 1;
const TOKEN_MAX = 63;

/** Lustre's link to S3 (a data repository association) and the tasks that move files along it. */
export class FsxLustreRepositories {
  constructor(
    private readonly fsx: (region: string) => FSxClient,
    private readonly profile: string | undefined,
  ) {}

  private call(action: string, region: string): AwsCallContext {
    return { action, region, ...(this.profile ? { profile: this.profile } : {}) };
  }

  async linkDataRepository(
    region: string,
    fileSystemId: string,
    repository: FsxDataRepositoryRequest,
  ): Promise<FsxDataRepository> {
    const client = this.fsx(region);
    const existing = await callAws(this.call('fsx:DescribeDataRepositoryAssociations', region), () =>
      client.send(
        new DescribeDataRepositoryAssociationsCommand({
          Filters: [{ Name: 'file-system-id', Values: [fileSystemId] }],
        }),
      ),
    );
    const linked = existing.Associations?.[0];
    if (linked) return toDataRepository(linked);
    const created = await callAws(this.call('fsx:CreateDataRepositoryAssociation', region), () =>
      client.send(
        new CreateDataRepositoryAssociationCommand({
          FileSystemId: fileSystemId,
          FileSystemPath: DATA_REPOSITORY_PATH,
          DataRepositoryPath: repository.s3_path,
          BatchImportMetaDataOnCreate: repository.auto_import,
          ClientRequestToken: `cws-dra-${fileSystemId}`.slice(0, TOKEN_MAX),
          S3: {
            ...(repository.auto_import ? { AutoImportPolicy: { Events: S3_EVENTS } } : {}),
            ...(repository.auto_export ? { AutoExportPolicy: { Events: S3_EVENTS } } : {}),
          },
          Tags: [{ Key: TAG.managed, Value: 'true' }],
        }),
      ),
    );
    if (!created.Association) {
      throw emptyResponseError(
        `FSx did not describe the S3 link it made for ${fileSystemId}.`,
        'Look with: cws-tui storage list',
      );
    }
    return toDataRepository(created.Association);
  }

  async startTask(region: string, fileSystem: FsxFileSystem, kind: FsxTaskKind): Promise<FsxTask> {
    const path = fileSystem.data_repository?.file_system_path ?? DATA_REPOSITORY_PATH;
    const created = await callAws(this.call('fsx:CreateDataRepositoryTask', region), () =>
      this.fsx(region).send(
        new CreateDataRepositoryTaskCommand({
          FileSystemId: fileSystem.id,
          Type: TASK_TYPES[kind],
          Paths: [path.replace(/^\//, '')],
          Report: { Enabled: false },
          ...(kind === 'release'
            ? {
                ReleaseConfiguration: {
                  DurationSinceLastAccess: { Unit: 'DAYS', Value: RELEASE_AFTER_DAYS },
                },
              }
            : {}),
          Tags: [{ Key: TAG.managed, Value: 'true' }],
        }),
      ),
    );
    if (!created.DataRepositoryTask) {
      throw emptyResponseError(
        `FSx did not describe the ${kind} task it started on ${fileSystem.id}.`,
        `List them with: cws-tui storage task ${fileSystem.id} --list`,
      );
    }
    return toFsxTask(created.DataRepositoryTask);
  }

  async describeTask(region: string, taskId: string): Promise<FsxTask> {
    const described = await callAws(this.call('fsx:DescribeDataRepositoryTasks', region), () =>
      this.fsx(region).send(new DescribeDataRepositoryTasksCommand({ TaskIds: [taskId] })),
    );
    const task = described.DataRepositoryTasks?.[0];
    if (!task) {
      throw new CloudError({
        kind: 'not-found',
        code: 'DataRepositoryTaskNotFound',
        message: `The task ${taskId} does not exist in ${region}.`,
        hint: 'List them with: cws-tui storage task <fs-id> --list',
      });
    }
    return toFsxTask(task);
  }

  async listTasks(region: string, fileSystemId: string): Promise<FsxTask[]> {
    const described = await callAws(this.call('fsx:DescribeDataRepositoryTasks', region), () =>
      this.fsx(region).send(
        new DescribeDataRepositoryTasksCommand({
          Filters: [{ Name: 'file-system-id', Values: [fileSystemId] }],
        }),
      ),
    );
    return (described.DataRepositoryTasks ?? []).map(toFsxTask);
  }
}
