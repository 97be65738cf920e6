import { DescribeSubnetsCommand, type EC2Client, type Filter } from '@aws-sdk/client-ec2';
import {
  CreateFileSystemCommand,
  CreateMountTargetCommand,
  DescribeFileSystemsCommand,
  DescribeMountTargetsCommand,
  type EFSClient,
  paginateDescribeFileSystems,
} from '@aws-sdk/client-efs';
import { CloudError } from '../core/CloudError.js';
import {
  type AccessPoint,
  type EfsIaDays,
  type FileSystem,
  type ResourceTags,
  type StoragePort,
  TAG,
} from '../core/ports.js';
import { callAws } from './callAws.js';
import type { Ec2Network } from './ec2Network.js';
import { type EfsAccessPointUser, ensureEfsAccessPoint, listEfsAccessPoints } from './efsAccessPoints.js';
import { toFileSystem } from './efsDescriptions.js';
import { describeEfsIaDays, putEfsIaDays } from './efsLifecycle.js';
import { deleteEfsFileSystem, type EfsCallOptions, waitForMountTargets } from './efsMountTargets.js';
import { fromTagList, toTagList } from './tagList.js';

/** EFS limits creation tokens to 64 characters. */
const TOKEN_MAX = 64;
const AVAILABLE_POLL_MS = 3000;
const AVAILABLE_POLLS = 40;

export interface EfsStorageOptions {
  efs: (region: string) => EFSClient;
  ec2: (region: string) => EC2Client;
  /** Mount targets join the workstations' security group, which lets its members reach NFS. */
  network: Ec2Network;
  profile?: string;
  /** Waiting for a new file system to become available; tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
}

/** Shared EFS: encrypted elastic file systems, reachable from the workstations, one access point per research user. */
export class EfsStorage implements StoragePort {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: EfsStorageOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  async listFileSystems(regions: string[]): Promise<FileSystem[]> {
    const perRegion = await Promise.all(
      regions.map((region) =>
        callAws(this.context('elasticfilesystem:DescribeFileSystems', region), async () => {
          const found: FileSystem[] = [];
          for await (const page of paginateDescribeFileSystems({ client: this.options.efs(region) }, {})) {
            for (const description of page.FileSystems ?? []) {
              // DescribeFileSystems cannot filter by tag; the tags come with each description.
              if (fromTagList(description.Tags)[TAG.managed] === 'true')
                found.push(toFileSystem(description, region));
            }
          }
          return found;
        }),
      ),
    );
    return perRegion.flat();
  }

  async createFileSystem(region: string, name: string, tags: ResourceTags): Promise<FileSystem> {
    const creationToken = `cws-${name}`.slice(0, TOKEN_MAX);
    const client = this.options.efs(region);
    try {
      const created = await callAws(this.context('elasticfilesystem:CreateFileSystem', region), () =>
        client.send(
          new CreateFileSystemCommand({
            CreationToken: creationToken,
            Encrypted: true,
            PerformanceMode: 'generalPurpose',
            ThroughputMode: 'elastic',
            Tags: toTagList({ ...tags, [TAG.managed]: 'true', [TAG.name]: name }),
          }),
        ),
      );
      return toFileSystem(created, region);
    } catch (error) {
      if (!(error instanceof CloudError && error.code === 'FileSystemAlreadyExists')) throw error;
    }
    // Created before (a retry, or another bastion): the creation token finds it.
    const described = await callAws(this.context('elasticfilesystem:DescribeFileSystems', region), () =>
      client.send(new DescribeFileSystemsCommand({ CreationToken: creationToken })),
    );
    const existing = described.FileSystems?.[0];
    if (!existing) {
      throw new CloudError({
        kind: 'conflict',
        code: 'FileSystemAlreadyExists',
        message: `A file system named ${name} is being created or deleted in ${region}.`,
        hint: 'Refresh in a minute and retry.',
        retryable: true,
      });
    }
    return toFileSystem(existing, region);
  }

  /** A mount target needs the file system to be available: a new one takes a few seconds. */
  private async waitUntilAvailable(region: string, fileSystemId: string): Promise<void> {
    for (let poll = 0; poll < AVAILABLE_POLLS; poll += 1) {
      const described = await callAws(this.context('elasticfilesystem:DescribeFileSystems', region), () =>
        this.options.efs(region).send(new DescribeFileSystemsCommand({ FileSystemId: fileSystemId })),
      );
      const state = described.FileSystems?.[0]?.LifeCycleState;
      if (state === 'available') return;
      if (state !== 'creating' && state !== 'updating') {
        throw new CloudError({
          kind: 'conflict',
          code: 'IncorrectFileSystemLifeCycleState',
          message: `The file system ${fileSystemId} in ${region} is ${state ?? 'gone'}, so it cannot be mounted.`,
          hint: 'Choose another file system, or create a new one.',
        });
      }
      await this.sleep(AVAILABLE_POLL_MS);
    }
    throw new CloudError({
      kind: 'conflict',
      code: 'IncorrectFileSystemLifeCycleState',
      message: `The file system ${fileSystemId} in ${region} is still not available.`,
      hint: 'Retry in a few minutes.',
      retryable: true,
    });
  }

  /**
   * Mount targets in the instance's subnet, or in every default subnet when the workstation goes to
   * the default VPC and may land in any zone. A zone that already has one is left alone.
   */
  async ensureMountTarget(region: string, fileSystemId: string, subnetId: string | undefined): Promise<void> {
    await this.waitUntilAvailable(region, fileSystemId);
    const filter: Filter = { Name: 'default-for-az', Values: ['true'] };
    const described = await callAws(this.context('ec2:DescribeSubnets', region), () =>
      this.options
        .ec2(region)
        .send(new DescribeSubnetsCommand(subnetId ? { SubnetIds: [subnetId] } : { Filters: [filter] })),
    );
    const subnets = described.Subnets ?? [];
    const vpcId = subnets[0]?.VpcId;
    if (!vpcId) {
      throw new CloudError({
        kind: 'not-found',
        code: subnetId ? 'InvalidSubnetID.NotFound' : 'NoDefaultVpc',
        message: subnetId
          ? `The subnet ${subnetId} does not exist in ${region}.`
          : `${region} has no default VPC.`,
        hint: 'Configure a subnet in the profile.',
      });
    }
    const mounted = await callAws(this.context('elasticfilesystem:DescribeMountTargets', region), () =>
      this.options.efs(region).send(new DescribeMountTargetsCommand({ FileSystemId: fileSystemId })),
    );
    const targets = mounted.MountTargets ?? [];
    // All of a file system's mount targets live in one VPC: elsewhere, workstations cannot reach it.
    const otherVpc = targets.find((target) => target.VpcId && target.VpcId !== vpcId)?.VpcId;
    if (otherVpc) {
      throw new CloudError({
        kind: 'conflict',
        code: 'MountTargetConflict',
        message: `The file system ${fileSystemId} is mounted in ${otherVpc}, but the workstation goes to ${vpcId}.`,
        hint: `Launch into a subnet of ${otherVpc}, or use a file system in ${vpcId}.`,
      });
    }
    const zonesWithTarget = new Set(targets.map((target) => target.AvailabilityZoneName));
    const missing = subnets.filter((subnet) => !zonesWithTarget.has(subnet.AvailabilityZone));
    if (missing.length === 0) {
      // One made by an earlier launch moments ago may still be creating.
      await waitForMountTargets(this.efsCalls(region), fileSystemId, 'available');
      return;
    }
    const group = await this.options.network.findOrCreateGroup(region, vpcId);
    for (const subnet of missing) {
      // A new mount target is `creating` for a minute or two: waited for below, before the launch boots.
      await callAws(this.context('elasticfilesystem:CreateMountTarget', region), () =>
        this.options.efs(region).send(
          new CreateMountTargetCommand({
            FileSystemId: fileSystemId,
            SubnetId: subnet.SubnetId,
            SecurityGroups: group.GroupId ? [group.GroupId] : undefined,
          }),
        ),
      ).catch((error: unknown) => {
        // Another bastion made it meanwhile.
        if (!(error instanceof CloudError && error.code === 'MountTargetConflict')) throw error;
      });
    }
    await waitForMountTargets(this.efsCalls(region), fileSystemId, 'available');
  }

  /** Deletes the file system with its access points and mount targets. */
  async deleteFileSystem(region: string, fileSystemId: string): Promise<void> {
    await deleteEfsFileSystem(this.efsCalls(region), fileSystemId);
  }

  private efsCalls(region: string): EfsCallOptions {
    return {
      efs: this.options.efs(region),
      region,
      context: (action, where) => this.context(action, where),
      sleep: this.sleep,
    };
  }

  async ensureAccessPoint(
    region: string,
    fileSystemId: string,
    user: EfsAccessPointUser,
    tags: ResourceTags,
  ): Promise<AccessPoint> {
    return ensureEfsAccessPoint(this.efsCalls(region), fileSystemId, user, tags);
  }

  async listAccessPoints(region: string, fileSystemId: string): Promise<AccessPoint[]> {
    return listEfsAccessPoints(this.efsCalls(region), fileSystemId);
  }

  infrequentAccessDays(region: string, fileSystemId: string): Promise<EfsIaDays | undefined> {
    return describeEfsIaDays(this.efsCalls(region), fileSystemId);
  }

  setInfrequentAccessDays(region: string, fileSystemId: string, days: EfsIaDays): Promise<void> {
    return putEfsIaDays(this.efsCalls(region), fileSystemId, days);
  }
}
