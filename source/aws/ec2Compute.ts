import {
  type _InstanceType,
  CancelSpotInstanceRequestsCommand,
  CreateTagsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSubnetsCommand,
  type EC2Client,
  type Filter,
  GetConsoleOutputCommand,
  type InstanceMarketOptionsRequest,
  paginateDescribeInstances,
  RunInstancesCommand,
  type RunInstancesCommandInput,
  StartInstancesCommand,
  StopInstancesCommand,
  type TagSpecification,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CloudError } from '../core/CloudError.js';
import type { InstanceTypeInfo } from '../core/catalog/InstanceTypeInfo.js';
import {
  type ComputePort,
  type Instance,
  type InstanceFilter,
  type ListResult,
  type ResourceTags,
  type RunInstanceRequest,
  TAG,
} from '../core/ports.js';
import { alternativeInstanceTypes } from './alternativeInstanceTypes.js';
import { callAws } from './callAws.js';
import { Ec2InstanceTypes } from './ec2InstanceTypes.js';
import { EC2_TAG } from './ec2Tags.js';
import { toTagList } from './tagList.js';
import { toCoreInstance } from './toCoreInstance.js';
import { translateAwsError } from './translateAwsError.js';
import { whileInstanceProfilePropagates } from './whileInstanceProfilePropagates.js';

/** Room on the root volume for the OS and software besides the RAM image a hibernation writes. */
export const HIBERNATION_OS_RESERVE_GB = 8;
/** DescribeInstances' largest page: one request per thousand instances per region. */
const PAGE_SIZE = 1000;
/** EC2's ClientToken limit. */
const CLIENT_TOKEN_MAX = 64;
/**
 * How long a persistent Spot request stays valid. EC2 API Reference, SpotMarketOptions: a persistent
 * request "remains active until the ValidUntil date"; the launch-template variant documents a default
 * of 7 days, and once the request has lapsed EC2 no longer restarts an interrupted (stopped or
 * hibernated) instance. The reference states no maximum, so the safe choice is an explicit, long date:
 * the workstation stays restartable for as long as anyone plausibly keeps one.
 */
export const SPOT_REQUEST_VALID_DAYS = 5 * 365;
const DAY_MS = 86_400_000;

export interface Ec2ComputeOptions {
  ec2: (region: string) => EC2Client;
  profile?: string;
  /** Where the instance type catalogue is cached between sessions (memory only without it). */
  cacheDir?: string;
  /** Waits while EC2 does not know a fresh instance profile yet (tests shorten them). */
  instanceProfileRetryDelaysMs?: readonly number[];
  /** The clock the Spot request's ValidUntil counts from (tests pin it). */
  now?: () => number;
}

interface DefaultSubnet {
  subnetId: string;
  availabilityZone: string;
}

/** A distinct token per zone attempt: a token is bound to the parameters of its first request. */
function zoneClientToken(token: string, zone: string): string {
  return `${token.slice(0, CLIENT_TOKEN_MAX - zone.length - 1)}-${zone}`;
}

/** EC2 names the zone it tried and those with capacity: "...(us-east-1a)... choosing us-east-1b, us-east-1c." */
function zonesInCapacityMessage(message: string): { failed?: string; suggested: string[] } {
  const failed = /Availability Zone[^(]*\(([a-z0-9-]+)\)/.exec(message)?.[1];
  const suggestedText = /choosing ([a-z0-9-, ]+)/.exec(message)?.[1] ?? '';
  const suggested = suggestedText
    .split(/,\s*|\s+or\s+/)
    .map((zone) => zone.trim().replace(/\.$/, ''))
    .filter((zone) => /^[a-z]{2}-[a-z-]+-\d+[a-z]$/.test(zone));
  return { ...(failed ? { failed } : {}), suggested };
}

/** ComputePort on EC2: every instance is tagged, every launch idempotent through its client token. */
export class Ec2Compute implements ComputePort {
  private readonly instanceTypes: Ec2InstanceTypes;
  private readonly rootDevices = new Map<string, string>();
  private readonly permittedRegions = new Set<string>();

  constructor(private readonly options: Ec2ComputeOptions) {
    this.instanceTypes = new Ec2InstanceTypes(options.ec2, {
      ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
    });
  }

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  async runInstance(request: RunInstanceRequest): Promise<Instance> {
    const input = await this.runInstancesInput(request);
    try {
      return await this.send(request, input);
    } catch (error) {
      if (!(error instanceof CloudError) || error.kind !== 'capacity' || request.subnet_id) throw error;
      return await this.runInOtherZones(request, input, error);
    }
  }

  private async send(request: RunInstanceRequest, input: RunInstancesCommandInput): Promise<Instance> {
    const response = await this.whileProfilePropagates(request, () =>
      callAws(this.context('ec2:RunInstances', request.region), () =>
        this.options.ec2(request.region).send(new RunInstancesCommand(input)),
      ),
    );
    const launched = response.Instances?.[0];
    if (!launched) {
      throw new CloudError({
        kind: 'unknown',
        code: 'EmptyRunInstancesResponse',
        message: `RunInstances in ${request.region} returned no instance.`,
        hint: 'Refresh: the instance may still appear; nothing was launched twice thanks to the client token.',
      });
    }
    return {
      ...toCoreInstance(launched, request.region),
      client_token: request.client_token,
      root_volume_gb: request.root_volume_gb,
      root_volume_type: request.root_volume_type,
    };
  }

  /** InsufficientInstanceCapacity: the same request in each other zone's default subnet, suggested zones first. */
  private async runInOtherZones(
    request: RunInstanceRequest,
    input: RunInstancesCommandInput,
    firstError: CloudError,
  ): Promise<Instance> {
    const { failed, suggested } = zonesInCapacityMessage(firstError.message);
    const tried = new Set([failed ?? request.availability_zone ?? ''].filter(Boolean));
    const subnets = (await this.defaultSubnets(request.region))
      .filter((subnet) => !tried.has(subnet.availabilityZone))
      .sort((a, b) => {
        const rank = (zone: string) => (suggested.includes(zone) ? 0 : 1);
        return (
          rank(a.availabilityZone) - rank(b.availabilityZone) ||
          a.availabilityZone.localeCompare(b.availabilityZone)
        );
      });
    for (const subnet of subnets) {
      tried.add(subnet.availabilityZone);
      const { Placement: _placement, ...withoutPlacement } = input;
      try {
        return await this.send(request, {
          ...withoutPlacement,
          SubnetId: subnet.subnetId,
          ClientToken: zoneClientToken(request.client_token, subnet.availabilityZone),
        });
      } catch (error) {
        if (!(error instanceof CloudError) || error.kind !== 'capacity') throw error;
      }
    }
    const alternatives = await this.offeredAlternatives(request);
    throw new CloudError({
      kind: 'capacity',
      code: firstError.code,
      message: `AWS has no ${request.instance_type} capacity in ${request.region} right now${
        tried.size > 0 ? ` (tried ${[...tried].sort().join(', ')})` : ''
      }.`,
      hint: `Try ${alternatives.length > 0 ? alternatives.join(' or ') : 'another instance type or size'}${
        request.spot ? ', or On-Demand instead of Spot' : ''
      }, another region, or retry later.`,
      retryable: true,
    });
  }

  /** Neighbouring types the region offers with the same architecture (the image must still boot). */
  private async offeredAlternatives(request: RunInstanceRequest): Promise<string[]> {
    const candidates = alternativeInstanceTypes(request.instance_type);
    if (candidates.length === 0) return [];
    try {
      const [wanted, ...offered] = await this.instanceTypes.describe(request.region, [
        request.instance_type,
        ...candidates,
      ]);
      if (!wanted || wanted.name !== request.instance_type) return [];
      return offered.filter((info) => info.architecture === wanted.architecture).map((info) => info.name);
    } catch {
      // Only a suggestion: the capacity error is what the user needs to see.
      return [];
    }
  }

  private async defaultSubnets(region: string): Promise<DefaultSubnet[]> {
    const response = await callAws(this.context('ec2:DescribeSubnets', region), () =>
      this.options
        .ec2(region)
        .send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] })),
    );
    return (response.Subnets ?? []).flatMap((subnet) =>
      subnet.SubnetId && subnet.AvailabilityZone
        ? [{ subnetId: subnet.SubnetId, availabilityZone: subnet.AvailabilityZone }]
        : [],
    );
  }

  private async rootDeviceName(region: string, imageId: string): Promise<string> {
    const key = `${region}/${imageId}`;
    const known = this.rootDevices.get(key);
    if (known) return known;
    const response = await callAws(this.context('ec2:DescribeImages', region), () =>
      this.options.ec2(region).send(new DescribeImagesCommand({ ImageIds: [imageId] })),
    );
    const device = response.Images?.[0]?.RootDeviceName;
    if (!device) {
      throw new CloudError({
        kind: 'not-found',
        code: 'InvalidAMIID.NotFound',
        message: `The image ${imageId} does not exist in ${region} (or is not shared with this account).`,
        hint: "Check the template's AMI for this region, or resolve the image again.",
      });
    }
    this.rootDevices.set(key, device);
    return device;
  }

  /** Refuses a hibernation request EC2 would reject only after a long wait, or accept and then fail to honour. */
  private async checkHibernation(request: RunInstanceRequest): Promise<void> {
    const [info] = await this.instanceTypes.describe(request.region, [request.instance_type]);
    if (!info) {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'InvalidInstanceType',
        message: `The instance type ${request.instance_type} is not offered in ${request.region}.`,
        hint: 'Pick another instance type.',
      });
    }
    if (!info.hibernation_supported) {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'HibernationNotSupported',
        message: `${request.instance_type} cannot hibernate.`,
        hint: 'Launch without hibernation, or pick a type that supports it (most current m, c, r and t families with at most 150 GiB of RAM).',
      });
    }
    const needed = Math.ceil(info.memory_gib) + HIBERNATION_OS_RESERVE_GB;
    if (request.root_volume_gb < needed) {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'HibernationRootVolumeTooSmall',
        message: `Hibernation needs a root volume of at least ${needed} GB (${info.memory_gib} GiB of RAM plus the OS); this one is ${request.root_volume_gb} GB.`,
        hint: `Raise the root volume to ${needed} GB or launch without hibernation.`,
      });
    }
  }

  private async runInstancesInput(request: RunInstanceRequest): Promise<RunInstancesCommandInput> {
    if (request.hibernation) await this.checkHibernation(request);
    const deviceName = await this.rootDeviceName(request.region, request.image_id);
    const tags: ResourceTags = {
      ...request.tags,
      [TAG.managed]: 'true',
      [TAG.name]: request.name,
      [TAG.launchId]: request.tags[TAG.launchId] ?? request.client_token,
      [EC2_TAG.rootVolumeGb]: String(request.root_volume_gb),
      [EC2_TAG.rootVolumeType]: request.root_volume_type,
    };
    const tagSpecifications: TagSpecification[] = [
      { ResourceType: 'instance', Tags: toTagList(tags) },
      { ResourceType: 'volume', Tags: toTagList(tags) },
    ];
    if (request.spot)
      tagSpecifications.push({ ResourceType: 'spot-instances-request', Tags: toTagList(tags) });
    const profile = request.iam_instance_profile;
    return {
      ImageId: request.image_id,
      InstanceType: request.instance_type as _InstanceType,
      MinCount: 1,
      MaxCount: 1,
      ClientToken: request.client_token,
      UserData: request.user_data_base64,
      TagSpecifications: tagSpecifications,
      BlockDeviceMappings: [
        {
          DeviceName: deviceName,
          Ebs: {
            VolumeSize: request.root_volume_gb,
            VolumeType: request.root_volume_type,
            Encrypted: true,
            DeleteOnTermination: true,
          },
        },
      ],
      MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 2 },
      ...(request.hibernation ? { HibernationOptions: { Configured: true } } : {}),
      ...(request.spot ? { InstanceMarketOptions: this.spotMarketOptions(request) } : {}),
      ...(request.key_name ? { KeyName: request.key_name } : {}),
      ...(request.security_group_ids?.length ? { SecurityGroupIds: request.security_group_ids } : {}),
      ...(request.subnet_id ? { SubnetId: request.subnet_id } : {}),
      ...(!request.subnet_id && request.availability_zone
        ? { Placement: { AvailabilityZone: request.availability_zone } }
        : {}),
      ...(profile
        ? { IamInstanceProfile: profile.startsWith('arn:') ? { Arn: profile } : { Name: profile } }
        : {}),
    };
  }

  /**
   * A persistent request (a one-time Spot instance could never be stopped) that keeps the instance on
   * interruption. EC2 API Reference, SpotMarketOptions: with HibernationOptions.Configured the
   * interruption behaviour must be `hibernate` ("If you set it to stop or terminate, you'll get an
   * error"); without it `stop`, since persistent requests from RunInstances accept only those two.
   */
  private spotMarketOptions(request: RunInstanceRequest): InstanceMarketOptionsRequest {
    const now = (this.options.now ?? Date.now)();
    return {
      MarketType: 'spot',
      SpotOptions: {
        SpotInstanceType: 'persistent',
        InstanceInterruptionBehavior: request.hibernation ? 'hibernate' : 'stop',
        ValidUntil: new Date(now + SPOT_REQUEST_VALID_DAYS * DAY_MS),
      },
    };
  }

  async listInstances(filter: InstanceFilter): Promise<ListResult<Instance>> {
    const filters: Filter[] = [
      { Name: `tag:${TAG.managed}`, Values: ['true'] },
      ...Object.entries(filter.tags ?? {})
        .filter(([key]) => key !== TAG.managed)
        .map(([key, value]) => ({ Name: `tag:${key}`, Values: [value] })),
      ...(filter.ids?.length ? [{ Name: 'instance-id', Values: filter.ids }] : []),
    ];
    const perRegion = await Promise.all(filter.regions.map((region) => this.listRegion(region, filters)));
    return {
      items: perRegion.flatMap((result) => result.items),
      requests: perRegion.reduce((sum, result) => sum + result.requests, 0),
    };
  }

  private async listRegion(region: string, filters: Filter[]): Promise<ListResult<Instance>> {
    return callAws(this.context('ec2:DescribeInstances', region), async () => {
      const items: Instance[] = [];
      let requests = 0;
      const pages = paginateDescribeInstances(
        { client: this.options.ec2(region), pageSize: PAGE_SIZE },
        { Filters: filters },
      );
      for await (const page of pages) {
        requests += 1;
        for (const reservation of page.Reservations ?? []) {
          for (const instance of reservation.Instances ?? []) items.push(toCoreInstance(instance, region));
        }
      }
      return { items, requests };
    });
  }

  async findByClientToken(region: string, clientToken: string): Promise<Instance | undefined> {
    // The first attempt carries the token itself; a launch moved to another zone carries a derived
    // token and the launch id tag.
    for (const filter of [
      { Name: 'client-token', Values: [clientToken] },
      { Name: `tag:${TAG.launchId}`, Values: [clientToken] },
    ]) {
      const { items } = await this.listRegion(region, [filter]);
      const found = items.find((instance) => instance.state !== 'terminated') ?? items[0];
      if (found) return found;
    }
    return undefined;
  }

  async startInstance(region: string, id: string): Promise<void> {
    await callAws(this.context('ec2:StartInstances', region), () =>
      this.options.ec2(region).send(new StartInstancesCommand({ InstanceIds: [id] })),
    );
    await this.tagHibernated(region, id, false);
  }

  async stopInstance(region: string, id: string, options: { hibernate: boolean }): Promise<void> {
    await callAws(this.context('ec2:StopInstances', region), () =>
      this.options
        .ec2(region)
        .send(new StopInstancesCommand({ InstanceIds: [id], Hibernate: options.hibernate })),
    );
    await this.tagHibernated(region, id, options.hibernate);
  }

  /** The tag lets every bastion see a hibernated instance as such once EC2's state reason has moved on. */
  private async tagHibernated(region: string, id: string, hibernated: boolean): Promise<void> {
    await callAws(this.context('ec2:CreateTags', region), () =>
      this.options.ec2(region).send(
        new CreateTagsCommand({
          Resources: [id],
          Tags: [{ Key: TAG.hibernated, Value: String(hibernated) }],
        }),
      ),
    );
  }

  async terminateInstance(region: string, id: string): Promise<void> {
    const described = await callAws(this.context('ec2:DescribeInstances', region), () =>
      this.options.ec2(region).send(new DescribeInstancesCommand({ InstanceIds: [id] })),
    );
    const spotRequestId = described.Reservations?.[0]?.Instances?.[0]?.SpotInstanceRequestId;
    // A persistent Spot request left open would launch a replacement for the terminated instance.
    if (spotRequestId) {
      await callAws(this.context('ec2:CancelSpotInstanceRequests', region), () =>
        this.options
          .ec2(region)
          .send(new CancelSpotInstanceRequestsCommand({ SpotInstanceRequestIds: [spotRequestId] })),
      );
    }
    await callAws(this.context('ec2:TerminateInstances', region), () =>
      this.options.ec2(region).send(new TerminateInstancesCommand({ InstanceIds: [id] })),
    );
  }

  describeInstanceTypes(region: string, names: string[]): Promise<InstanceTypeInfo[]> {
    return this.instanceTypes.describe(region, names);
  }

  async consoleOutput(region: string, id: string): Promise<string> {
    const client = this.options.ec2(region);
    const context = this.context('ec2:GetConsoleOutput', region);
    // Latest gives the live buffer on Nitro instances; Xen instances only have the snapshot.
    const response = await callAws(context, () =>
      client.send(new GetConsoleOutputCommand({ InstanceId: id, Latest: true })),
    ).catch((error: unknown) => {
      if (error instanceof CloudError && error.code === 'UnsupportedOperation') {
        return callAws(context, () => client.send(new GetConsoleOutputCommand({ InstanceId: id })));
      }
      throw error;
    });
    return response.Output ? Buffer.from(response.Output, 'base64').toString('utf8') : '';
  }

  async checkLaunchPermission(request: RunInstanceRequest): Promise<void> {
    if (this.permittedRegions.has(request.region)) return;
    const input = await this.runInstancesInput(request);
    await this.whileProfilePropagates(request, async () => {
      try {
        await this.options.ec2(request.region).send(new RunInstancesCommand({ ...input, DryRun: true }));
      } catch (error) {
        // EC2 answers a permitted dry run with this "error".
        if (error instanceof Error && error.name === 'DryRunOperation') return;
        throw translateAwsError(error, this.context('ec2:RunInstances', request.region));
      }
    });
    this.permittedRegions.add(request.region);
  }

  private whileProfilePropagates<T>(request: RunInstanceRequest, call: () => Promise<T>): Promise<T> {
    return whileInstanceProfilePropagates(
      request.iam_instance_profile,
      call,
      this.options.instanceProfileRetryDelaysMs,
    );
  }
}
