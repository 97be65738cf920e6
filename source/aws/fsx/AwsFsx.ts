import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateFileSystemCommand,
  type CreateFileSystemCommandInput,
  DeleteFileSystemCommand,
  DescribeDataRepositoryAssociationsCommand,
  DescribeFileSystemsCommand,
  DescribeVolumesCommand,
  type FSxClient,
  type FileSystem as FsxApiFileSystem,
  paginateDescribeFileSystems,
  type Volume,
} from '@aws-sdk/client-fsx';
import { CloudError } from '../../core/CloudError.js';
import type {
  FsxCreateRequest,
  FsxDataRepository,
  FsxDataRepositoryRequest,
  FsxFileSystem,
  FsxSnapshot,
  FsxTask,
  FsxTaskKind,
  FsxVolume,
} from '../../core/fsx/FsxFileSystem.js';
import type { FsxPort } from '../../core/fsx/ports.js';
import { TAG } from '../../core/ports.js';
import type { AwsCallContext } from '../AwsCallContext.js';
import { callAws } from '../callAws.js';
import type { Ec2Network } from '../ec2Network.js';
import { emptyResponseError } from '../emptyResponseError.js';
import { toTagList } from '../tagList.js';
import { FsxLustreRepositories } from './FsxLustreRepositories.js';
import { FsxOpenZfsVolumes } from './FsxOpenZfsVolumes.js';
import { resolveFsxPlacement } from './fsxPlacement.js';
import { fsxPeakThroughputMbps, updateFsxThroughput } from './fsxThroughput.js';
import { toDataRepository, toFsxFileSystem } from './toFsxFileSystem.js';

/** FSx takes client request tokens of at most 63 characters. */
const TOKEN_MAX = 63;

export interface AwsFsxOptions {
  fsx: (region: string) => FSxClient;
  ec2: (region: string) => EC2Client;
  network: Ec2Network;
  /** FSx's throughput metrics (AWS/FSx DataReadBytes and DataWriteBytes). */
  cloudwatch: (region: string) => CloudWatchClient;
  profile?: string;
}

/** FSx for Lustre and OpenZFS through the SDK, in the profile's subnet and the workstations' group. */
export class AwsFsx implements FsxPort {
  private readonly volumes: FsxOpenZfsVolumes;
  private readonly lustre: FsxLustreRepositories;

  constructor(private readonly options: AwsFsxOptions) {
    this.volumes = new FsxOpenZfsVolumes(options.fsx, options.profile);
    this.lustre = new FsxLustreRepositories(options.fsx, options.profile);
  }

  createSnapshot(region: string, fileSystem: FsxFileSystem, name: string): Promise<FsxSnapshot> {
    return this.volumes.createSnapshot(region, fileSystem, name);
  }

  listSnapshots(region: string, fileSystem: FsxFileSystem): Promise<FsxSnapshot[]> {
    return this.volumes.listSnapshots(region, fileSystem);
  }

  restoreSnapshot(region: string, fileSystem: FsxFileSystem, snapshotId: string): Promise<void> {
    return this.volumes.restoreSnapshot(region, fileSystem, snapshotId);
  }

  peakThroughputMbps(region: string, fileSystem: FsxFileSystem, days: number): Promise<number | undefined> {
    const context = this.call('cloudwatch:GetMetricData', region);
    return fsxPeakThroughputMbps(this.options.cloudwatch(region), context, fileSystem.id, days);
  }

  updateThroughput(region: string, fileSystem: FsxFileSystem, throughput: number): Promise<void> {
    const context = this.call('fsx:UpdateFileSystem', region);
    return updateFsxThroughput(this.options.fsx(region), context, fileSystem, throughput);
  }

  cloneSnapshot(
    region: string,
    fileSystem: FsxFileSystem,
    snapshotId: string,
    name: string,
  ): Promise<FsxVolume> {
    return this.volumes.cloneSnapshot(region, fileSystem, snapshotId, name);
  }

  private call(action: string, region: string): AwsCallContext {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  async listFileSystems(regions: readonly string[]): Promise<FsxFileSystem[]> {
    const perRegion = await Promise.all(regions.map((region) => this.listRegion(region, true)));
    return perRegion.flat();
  }

  async findFileSystem(region: string, id: string): Promise<FsxFileSystem | undefined> {
    const described = await callAws(this.call('fsx:DescribeFileSystems', region), () =>
      this.options.fsx(region).send(new DescribeFileSystemsCommand({ FileSystemIds: [id] })),
    ).catch((error: unknown) => {
      if (error instanceof CloudError && error.code === 'FileSystemNotFound') return { FileSystems: [] };
      throw error;
    });
    const found = described.FileSystems?.[0];
    if (!found) return undefined;
    return (await this.withDetails(region, [found]))[0];
  }

  private async listRegion(region: string, managedOnly: boolean): Promise<FsxFileSystem[]> {
    const client = this.options.fsx(region);
    const described = await callAws(this.call('fsx:DescribeFileSystems', region), async () => {
      const all = [];
      for await (const page of paginateDescribeFileSystems({ client }, {}))
        all.push(...(page.FileSystems ?? []));
      return all;
    });
    // DescribeFileSystems cannot filter by tag; the tags come with each description.
    const wanted = described.filter(
      (fs) => !managedOnly || (fs.Tags ?? []).some((tag) => tag.Key === TAG.managed && tag.Value === 'true'),
    );
    return this.withDetails(region, wanted);
  }

  /** Adds each Lustre file system's S3 link and each OpenZFS root volume's quotas: one call each kind. */
  private async withDetails(
    region: string,
    described: readonly FsxApiFileSystem[],
  ): Promise<FsxFileSystem[]> {
    const client = this.options.fsx(region);
    const lustreIds = described
      .filter((fs) => fs.FileSystemType === 'LUSTRE')
      .map((fs) => fs.FileSystemId ?? '');
    const rootIds = described.flatMap((fs) =>
      fs.OpenZFSConfiguration?.RootVolumeId ? [fs.OpenZFSConfiguration.RootVolumeId] : [],
    );
    const repositories = new Map<string, FsxDataRepository>();
    if (lustreIds.length > 0) {
      const associations = await callAws(this.call('fsx:DescribeDataRepositoryAssociations', region), () =>
        client.send(
          new DescribeDataRepositoryAssociationsCommand({
            Filters: [{ Name: 'file-system-id', Values: lustreIds }],
          }),
        ),
      );
      for (const association of associations.Associations ?? [])
        repositories.set(association.FileSystemId ?? '', toDataRepository(association));
    }
    const volumes = new Map<string, Volume>();
    if (rootIds.length > 0) {
      const described = await callAws(this.call('fsx:DescribeVolumes', region), () =>
        client.send(new DescribeVolumesCommand({ VolumeIds: rootIds })),
      );
      for (const volume of described.Volumes ?? []) volumes.set(volume.VolumeId ?? '', volume);
    }
    return described.flatMap((fs) => {
      const repository = repositories.get(fs.FileSystemId ?? '');
      const rootVolume = volumes.get(fs.OpenZFSConfiguration?.RootVolumeId ?? '');
      const mapped = toFsxFileSystem(fs, region, {
        ...(repository ? { repository } : {}),
        ...(rootVolume ? { rootVolume } : {}),
      });
      return mapped ? [mapped] : [];
    });
  }

  async createFileSystem(region: string, request: FsxCreateRequest): Promise<FsxFileSystem> {
    const placement = await resolveFsxPlacement(
      this.options.ec2(region),
      this.options.network,
      region,
      (action) => this.call(action, region),
      {
        lustre: request.type === 'lustre',
        ...(request.subnet_id ? { subnet_id: request.subnet_id } : {}),
        ...(request.security_group_id ? { security_group_id: request.security_group_id } : {}),
      },
    );
    const input: CreateFileSystemCommandInput = {
      FileSystemType: request.type === 'lustre' ? 'LUSTRE' : 'OPENZFS',
      // A retry (an interrupted create) finds the file system the first call made.
      ClientRequestToken: `cws-${request.type}-${request.name}`.slice(0, TOKEN_MAX),
      StorageCapacity: request.capacity_gib,
      StorageType: 'SSD',
      SubnetIds: [placement.subnet_id],
      SecurityGroupIds: [placement.security_group_id],
      Tags: toTagList({ ...request.tags, [TAG.managed]: 'true', [TAG.name]: request.name }),
    };
    if (request.type === 'lustre') {
      const persistent = request.deployment === 'persistent2';
      input.FileSystemTypeVersion = '2.15';
      input.LustreConfiguration = {
        DeploymentType: persistent ? 'PERSISTENT_2' : 'SCRATCH_2',
        ...(persistent
          ? { PerUnitStorageThroughput: request.throughput, AutomaticBackupRetentionDays: 0 }
          : {}),
        DataCompressionType: 'LZ4',
      };
    } else {
      input.OpenZFSConfiguration = {
        DeploymentType: 'SINGLE_AZ_1',
        ThroughputCapacity: request.throughput,
        AutomaticBackupRetentionDays: 7,
        CopyTagsToBackups: true,
        CopyTagsToVolumes: true,
        RootVolumeConfiguration: {
          DataCompressionType: (request.compression ?? 'zstd').toUpperCase() as 'ZSTD' | 'LZ4' | 'NONE',
          // NFS from the VPC only; the security group narrows it to the workstations.
          NfsExports: [
            { ClientConfigurations: [{ Clients: placement.vpc_cidr, Options: ['rw', 'crossmnt'] }] },
          ],
          UserAndGroupQuotas: (request.quotas ?? []).map((quota) => ({
            Type: 'USER',
            Id: quota.uid,
            StorageCapacityQuotaGiB: quota.gib,
          })),
        },
      };
    }
    const created = await callAws(this.call('fsx:CreateFileSystem', region), () =>
      this.options.fsx(region).send(new CreateFileSystemCommand(input)),
    );
    const mapped = created.FileSystem ? toFsxFileSystem(created.FileSystem, region) : undefined;
    if (!mapped) {
      throw emptyResponseError(
        `FSx did not describe the file system it created for ${request.name} in ${region}.`,
        'Look with: cws-tui storage list',
      );
    }
    return {
      ...mapped,
      ...(request.quotas ? { quotas: request.quotas } : {}),
      ...(request.compression ? { compression: request.compression } : {}),
    };
  }

  async deleteFileSystem(region: string, id: string): Promise<void> {
    const found = await this.findFileSystem(region, id);
    if (!found) return;
    // The user typed the name to delete it: no final backup is left behind to bill them.
    await callAws(this.call('fsx:DeleteFileSystem', region), () =>
      this.options.fsx(region).send(
        new DeleteFileSystemCommand({
          FileSystemId: id,
          ...(found.type === 'lustre'
            ? found.deployment === 'persistent2'
              ? { LustreConfiguration: { SkipFinalBackup: true } }
              : {}
            : {
                OpenZFSConfiguration: {
                  SkipFinalBackup: true,
                  Options: ['DELETE_CHILD_VOLUMES_AND_SNAPSHOTS'],
                },
              }),
        }),
      ),
    );
  }

  linkDataRepository(
    region: string,
    fileSystemId: string,
    repository: FsxDataRepositoryRequest,
  ): Promise<FsxDataRepository> {
    return this.lustre.linkDataRepository(region, fileSystemId, repository);
  }

  startTask(region: string, fileSystem: FsxFileSystem, kind: FsxTaskKind): Promise<FsxTask> {
    return this.lustre.startTask(region, fileSystem, kind);
  }

  describeTask(region: string, taskId: string): Promise<FsxTask> {
    return this.lustre.describeTask(region, taskId);
  }

  listTasks(region: string, fileSystemId: string): Promise<FsxTask[]> {
    return this.lustre.listTasks(region, fileSystemId);
  }
}
