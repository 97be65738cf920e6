import type { InstanceTypeInfo } from '../catalog/InstanceTypeInfo.js';
import { listInstanceTypes } from '../catalog/instanceTypes.js';
import { type Discounts, withDiscounts } from '../cost/discounts.js';
import type { CostEstimate } from '../cost/estimateCost.js';
import type { PriceCatalog } from '../cost/PriceCatalog.js';
import type { PriceQuote } from '../cost/PriceQuote.js';
import type { ResearchUser } from '../identity/ResearchUser.js';
import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import type { PolicyVerdict } from '../policy/PolicyVerdict.js';
import type { Policy } from '../policy/policySchema.js';
import type { CloudAccount, Instance, ResourceTags } from '../ports.js';
import { TAG } from '../ports.js';
import { templatePolicyFacts } from '../templates/templatePolicyFacts.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { LaunchError } from './LaunchError.js';
import type { LaunchRecordStore } from './LaunchRecordStore.js';
import type { LaunchRequest } from './LaunchRequest.js';
import { launcherOf } from './ownershipTampering.js';

/**
 * The checks a launch makes before it starts anything. The pipeline runs them and stops at the
 * first that fails; the wizard's review runs the same ones and shows every answer at once, so what
 * the review says is what the launch will decide.
 */

/** The profile a launch runs under: its name tags the resources, its policy decides. */
export interface LaunchProfile {
  name: string;
  policy: Policy;
  role: 'admin' | 'member';
  project?: string;
}

/** The facts the checks need. */
export interface LaunchCheckContext {
  account: CloudAccount;
  profile: LaunchProfile;
  researchUser: ResearchUser;
  prices: PriceCatalog;
  discounts?: Discounts;
  /** The current spot price of a type (EC2 spot history on AWS, a simulated one on the demo). */
  spotPrice?: (instanceType: string, region: string) => Promise<PriceQuote | undefined>;
  records: LaunchRecordStore;
  /** This month's spend and its projection so far, for the policy's budget rules. */
  spend?: { month_to_date: number; projected_month: number; hours_left_in_month: number };
}

/** The root volume of a launch when neither the request nor the template sets one. */
export const DEFAULT_ROOT_VOLUME_GB = 20;
/** Hibernation writes RAM to the root volume: it needs the memory plus room for the OS. */
const HIBERNATION_OS_HEADROOM_GB = 8;

/** The template must be an EC2 workstation with a base image; web services launch elsewhere. */
export function requireWorkstationTemplate(template: ResolvedTemplate): ResolvedTemplate {
  if (template.cluster_config) {
    throw new LaunchError(
      'resolve-template',
      `${template.slug} is an HPC cluster template, not an EC2 workstation`,
      `Create it with: cws-tui hpc create <name> --template ${template.slug}`,
    );
  }
  const kind = template.service_config?.kind;
  if (kind) {
    throw new LaunchError(
      'resolve-template',
      `${template.slug} is a ${kind} web service, not an EC2 workstation`,
      'Open it from the Services screen (:services).',
    );
  }
  if (template.bigdata)
    throw new LaunchError(
      'resolve-template',
      `${template.slug} is an ${template.bigdata.kind} template, not an EC2 workstation`,
      `Create it with: cws-tui bigdata create ${template.slug} <name>`,
    );
  if (template.analytics)
    throw new LaunchError(
      'resolve-template',
      `${template.slug} is an ${template.analytics.kind} template, not an EC2 workstation`,
      template.analytics.kind === 'quicksight'
        ? `Create its dashboard with: cws-tui quicksight create ${template.slug}`
        : template.analytics.kind === 'athena'
          ? `Run its example queries with: cws-tui athena query "<sql>" (cws-tui templates show ${template.slug})`
          : `Run its job with: cws-tui databrew job run ${template.analytics.dataset.name} ${template.analytics.recipe}`,
    );
  if (!template.base) throw new LaunchError('resolve-template', `${template.slug} names no base image`);
  return template;
}

export function rootVolumeFor(request: LaunchRequest, template: ResolvedTemplate): number {
  return request.root_volume_gb ?? template.instance_defaults?.root_volume_gb ?? DEFAULT_ROOT_VOLUME_GB;
}

/** Why the type or the root volume cannot hibernate, when hibernation is asked for. */
export function hibernationProblem(
  request: LaunchRequest,
  info: InstanceTypeInfo,
  rootVolumeGb: number,
): LaunchError | undefined {
  if (!request.hibernation) return undefined;
  if (!info.hibernation_supported) {
    return new LaunchError(
      'check-policy',
      `${info.name} cannot hibernate`,
      'Choose a type that supports hibernation, or launch without it.',
    );
  }
  const needed = Math.ceil(info.memory_gib) + HIBERNATION_OS_HEADROOM_GB;
  if (rootVolumeGb >= needed) return undefined;
  return new LaunchError(
    'check-policy',
    `hibernation needs a root volume of at least ${needed} GB (RAM ${info.memory_gib} GiB + ${HIBERNATION_OS_HEADROOM_GB} GB), got ${rootVolumeGb} GB`,
    `Launch with --root-volume ${needed} or more.`,
  );
}

/**
 * The profile's workstations that are not gone: names are unique among them. Those this profile
 * launched count even when their tags were changed afterwards (found by the ids in its launch
 * records), so that retagging a workstation never takes it out of its launcher's running cap.
 */
export async function liveInstances(
  context: Pick<LaunchCheckContext, 'account' | 'profile'> & { records?: LaunchRecordStore },
): Promise<Instance[]> {
  const { items } = await context.account.compute.listInstances({
    regions: context.account.regions,
    tags: { [TAG.managed]: 'true', [TAG.profile]: context.profile.name },
  });
  const tagged = new Set(items.map((instance) => instance.id));
  const launched = (await context.records?.list())?.filter(
    (record) =>
      record.profile === context.profile.name && record.instance_id && !tagged.has(record.instance_id),
  );
  const retagged =
    launched && launched.length > 0
      ? (
          await context.account.compute.listInstances({
            regions: [...new Set(launched.map((record) => record.region))],
            ids: launched.flatMap((record) => (record.instance_id ? [record.instance_id] : [])),
          })
        ).items
      : [];
  return [...items, ...retagged].filter(
    (instance) => instance.state !== 'terminated' && instance.state !== 'shutting-down',
  );
}

/** How many of the research user's workstations run: each counts against its recorded launcher. */
export async function runningCountFor(
  username: string,
  live: readonly Instance[],
  records: LaunchRecordStore | undefined,
): Promise<number> {
  const byInstance = new Map((await records?.list())?.map((record) => [record.instance_id, record]) ?? []);
  return live.filter(
    (instance) =>
      launcherOf(instance, byInstance.get(instance.id)) === username &&
      (instance.state === 'pending' || instance.state === 'running'),
  ).length;
}

/** A live workstation with this name, other than the one an unfinished launch of it started. */
export async function nameInUseProblem(
  context: Pick<LaunchCheckContext, 'profile' | 'records'>,
  live: readonly Instance[],
  name: string,
): Promise<LaunchError | undefined> {
  const unfinished = await context.records.findUnfinished(context.profile.name, name);
  const clash = live.find((instance) => instance.name === name && instance.client_token !== unfinished?.id);
  if (!clash) return undefined;
  return new LaunchError(
    'check-policy',
    `a workstation named '${name}' already exists (${clash.id}, ${clash.state})`,
    'Choose another name, or terminate the existing one first.',
  );
}

/**
 * The request's own tags plus the project, as they go on the resources and to the policy: the
 * project as the plain `project` tag (what a policy's `required_tags` and cost-allocation reports
 * name) and as `cws:project` (what the app lists by).
 */
export function launchTagsFor(
  request: Pick<LaunchRequest, 'tags' | 'project'>,
  profile: LaunchProfile,
): ResourceTags {
  const project = request.project ?? profile.project;
  return { ...(request.tags ?? {}), ...(project ? { project, [TAG.project]: project } : {}) };
}

/** The policy's verdict on the launch, given every fact the checks gathered. */
export function evaluateLaunchPolicy(
  context: LaunchCheckContext,
  launch: {
    request: LaunchRequest;
    template: ResolvedTemplate;
    instanceType: string;
    region: string;
    rootVolumeGb: number;
    typeInfo: InstanceTypeInfo | undefined;
    estimate: CostEstimate | undefined;
    live: readonly Instance[];
    /** The research user's running workstations by their recorded launcher (runningCountFor). */
    runningCount?: number;
    /** Whether the workstation would get a public IP (asked only for no_public_ip templates). */
    publicIp?: boolean | undefined;
  },
): PolicyVerdict {
  const { request, estimate, region } = launch;
  const discounted = withDiscounts(context.prices, context.discounts ?? {});
  return evaluatePolicy(
    context.profile.policy,
    {
      template_slug: launch.template.slug,
      instance_type: launch.instanceType,
      region,
      spot: request.spot,
      hibernation: request.hibernation,
      service_type: 'ec2',
      root_volume_gb: launch.rootVolumeGb,
      ...(request.efs ? { efs: request.efs.file_system_id } : {}),
      tags: launchTagsFor(request, context.profile),
      ...templatePolicyFacts(launch.template),
      ...(launch.publicIp !== undefined ? { launch_public_ip: launch.publicIp } : {}),
    },
    {
      ...(context.researchUser.globus ? { globus_identity: context.researchUser.globus.username } : {}),
      ...(launch.typeInfo ? { instance_type_info: launch.typeInfo } : {}),
      ...(estimate ? { hourly_cost: estimate.hourly } : {}),
      ...onDemandHourly(discounted.instanceHourly(launch.instanceType, region)?.usd_per_hour),
      running_count_for_user:
        launch.runningCount ??
        launch.live.filter(
          (instance) =>
            instance.tags[TAG.researchUser] === context.researchUser.username &&
            (instance.state === 'pending' || instance.state === 'running'),
        ).length,
      candidate_instance_types: listInstanceTypes(),
      candidate_hourly_cost: (type) => discounted.instanceHourly(type, region)?.usd_per_hour,
      ...(context.spend
        ? {
            month_to_date_spend: context.spend.month_to_date,
            projected_month_spend:
              context.spend.projected_month + (estimate?.hourly ?? 0) * context.spend.hours_left_in_month,
          }
        : {}),
    },
  );
}

function onDemandHourly(price: number | undefined): { on_demand_hourly_cost?: number } {
  return price === undefined ? {} : { on_demand_hourly_cost: price };
}
