import {
  DescribeImagesCommand,
  DescribeSubnetsCommand,
  type EC2Client,
  type Filter,
  paginateDescribeInstances,
  RunInstancesCommand,
  type RunInstancesCommandInput,
} from '@aws-sdk/client-ec2';
import { CloudError } from '../core/CloudError.js';
import type { InstanceTypeInfo } from '../core/catalog/InstanceTypeInfo.js';
import {
  type ComputePort,
  type Instance,
  type InstanceFilter,
  type ListResult,
  type RunInstanceRequest,
  TAG,
} from '../core/ports.js';
import { alternativeInstanceTypes } from './alternativeInstanceTypes.js';
import { callAws } from './callAws.js';
import { Ec2InstanceLifecycle } from './Ec2InstanceLifecycle.js';
import { Ec2InstanceTypes } from './ec2InstanceTypes.js';
import { hibernationRefusal } from './hibernationRefusal.js';
import { runInstancesInput } from './runInstancesInput.js';
import { toCoreInstance } from './toCoreInstance.js';
import { translateAwsError } from './translateAwsError.js';
import { whileInstanceProfilePropagates } from './whileInstanceProfilePropagates.js';
import { zoneClientToken } from './zoneClientToken.js';
import { zonesInCapacityMessage } from './zonesInCapacityMessage.js';

/** DescribeInstances' largest page: one request per thousand instances per region. */
const PAGE_SIZE = 1000;

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

/** ComputePort on EC2: every instance is tagged, every launch idempotent through its client token. */
export class Ec2Compute implements ComputePort {
  private readonly instanceTypes: Ec2InstanceTypes;
  private readonly rootDevices = new Map<string, string>();
  private readonly permittedRegions = new Set<string>();
  private readonly lifecycle: Ec2InstanceLifecycle;

  constructor(private readonly options: Ec2ComputeOptions) {
    this.lifecycle = new Ec2InstanceLifecycle(options);
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

  private async runInstancesInput(request: RunInstanceRequest): Promise<RunInstancesCommandInput> {
    if (request.hibernation) {
      const [info] = await this.instanceTypes.describe(request.region, [request.instance_type]);
      const refusal = hibernationRefusal(request, info);
      if (refusal) throw refusal;
    }
    const deviceName = await this.rootDeviceName(request.region, request.image_id);
    return runInstancesInput(request, deviceName, (this.options.now ?? Date.now)());
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

  startInstance(region: string, id: string): Promise<void> {
    return this.lifecycle.start(region, id);
  }

  stopInstance(region: string, id: string, options: { hibernate: boolean }): Promise<void> {
    return this.lifecycle.stop(region, id, options);
  }

  terminateInstance(region: string, id: string): Promise<void> {
    return this.lifecycle.terminate(region, id);
  }

  consoleOutput(region: string, id: string): Promise<string> {
    return this.lifecycle.consoleOutput(region, id);
  }

  describeInstanceTypes(region: string, names: string[]): Promise<InstanceTypeInfo[]> {
    return this.instanceTypes.describe(region, names);
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
