import type { InstanceTypeInfo } from '../../core/catalog/InstanceTypeInfo.js';
import { listInstanceTypes } from '../../core/catalog/instanceTypes.js';
import type { Budget } from '../../core/cost/Budget.js';
import { type BudgetLaunchImpact, budgetLaunchImpact } from '../../core/cost/budgetLaunchImpact.js';
import { type CostEstimate, estimateCost } from '../../core/cost/estimateCost.js';
import type { LoadedCostReport } from '../../core/cost/loadCostReport.js';
import type { PriceQuote } from '../../core/cost/PriceQuote.js';
import { distroOfBase } from '../../core/images/resolveImageSource.js';
import { chooseInstanceType } from '../../core/launch/chooseInstanceType.js';
import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import type { LaunchContext } from '../../core/launch/launchWorkstation.js';
import { validateWorkstationName } from '../../core/launch/validateLaunchNames.js';
import { evaluatePolicy } from '../../core/policy/evaluatePolicy.js';
import type { PolicyVerdict } from '../../core/policy/PolicyVerdict.js';
import type { ResourceTags } from '../../core/ports.js';
import { TAG } from '../../core/ports.js';
import type { UserData } from '../../core/provisioning/UserData.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import { PIPELINE_DEFAULT_ROOT_VOLUME_GB } from './launchChoices.js';

/** What the review page shows: the decisions the launch pipeline will make, made now. */
export interface LaunchPreview {
  template: ResolvedTemplate;
  region: string;
  instance_type: string;
  type_info?: InstanceTypeInfo;
  root_volume_gb: number;
  estimate?: CostEstimate;
  verdict: PolicyVerdict;
  /** What stops the launch besides the policy: a taken name, hibernation the type cannot do. */
  problems: string[];
  /** The boot script with its generated secrets masked (the launch generates its own). */
  user_data?: { script: string; bytes: number; compressed: boolean };
  user_data_error?: string;
  /** What the launch does to this month's projection, when the profile has a budget. */
  budget?: BudgetLaunchImpact;
}

/** The launch pipeline's own context (the same facts), plus what the review shows besides. */
export interface LaunchPreviewContext
  extends Pick<
    LaunchContext,
    | 'account'
    | 'profile'
    | 'researchUser'
    | 'prices'
    | 'records'
    | 'resolveTemplate'
    | 'renderUserData'
    | 'spotPrice'
    | 'spend'
  > {
  /** Why the session refuses every launch now (a budget past a `block` threshold), if it does. */
  blocked?: string;
  /** The session's cost report, for the budget projection; absent when there is no budget. */
  costReport(): Promise<LoadedCostReport>;
  budget?: Budget;
  now: Date;
}

/** Hibernation writes RAM to the root volume: the pipeline wants the memory plus room for the OS. */
const HIBERNATION_OS_HEADROOM_GB = 8;
/** Stands for a generated secret in the preview. */
export const MASKED_SECRET = '<generated at launch>';

/**
 * Runs the checks the launch pipeline runs before it starts anything (instance type, price, name,
 * hibernation, the policy with the same facts, the user data) without launching. The pipeline
 * stays the one that decides: this only lets the wizard show its decision before Enter is pressed.
 */
export async function previewLaunch(
  request: LaunchRequest,
  context: LaunchPreviewContext,
): Promise<LaunchPreview> {
  const { account, profile, researchUser } = context;
  const region = request.region ?? account.defaultRegion;
  const template = context.resolveTemplate(request.template);
  const instanceType = chooseInstanceType(template, request);
  const rootVolumeGb =
    request.root_volume_gb ?? template.instance_defaults?.root_volume_gb ?? PIPELINE_DEFAULT_ROOT_VOLUME_GB;
  const problems: string[] = [];
  const nameProblem = validateWorkstationName(request.name);
  if (nameProblem) problems.push(nameProblem);

  const [typeInfo] = await account.compute.describeInstanceTypes(region, [instanceType]);
  if (!typeInfo) problems.push(`the instance type ${instanceType} does not exist in ${region}`);
  if (context.blocked) problems.push(context.blocked);
  let estimate: CostEstimate | undefined;
  try {
    const spot = request.spot ? await spotQuote(context, instanceType, region) : undefined;
    estimate = estimateCost(
      { instanceType, region, rootVolumeGb, volumeType: 'gp3', ...(spot?.quote ? { spot: spot.quote } : {}) },
      context.prices,
    );
    if (spot?.missing) estimate.note = estimate.note ? `${spot.missing}; ${estimate.note}` : spot.missing;
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (request.hibernation && typeInfo) {
    const needed = Math.ceil(typeInfo.memory_gib) + HIBERNATION_OS_HEADROOM_GB;
    if (!typeInfo.hibernation_supported) problems.push(`${typeInfo.name} cannot hibernate`);
    else if (rootVolumeGb < needed)
      problems.push(
        `hibernation needs a root volume of at least ${needed} GB (RAM ${typeInfo.memory_gib} GiB + ${HIBERNATION_OS_HEADROOM_GB} GB), got ${rootVolumeGb} GB`,
      );
  }

  const { items } = await account.compute.listInstances({
    regions: account.regions,
    tags: { [TAG.managed]: 'true', [TAG.profile]: profile.name },
  });
  const live = items.filter(
    (instance) => instance.state !== 'terminated' && instance.state !== 'shutting-down',
  );
  const unfinished = await context.records.findUnfinished(profile.name, request.name);
  const clash = live.find(
    (instance) => instance.name === request.name && instance.client_token !== unfinished?.id,
  );
  if (clash)
    problems.push(`a workstation named '${request.name}' already exists (${clash.id}, ${clash.state})`);

  const launchTags: ResourceTags = {
    ...(request.tags ?? {}),
    ...((request.project ?? profile.project) ? { project: request.project ?? profile.project ?? '' } : {}),
  };
  const verdict = evaluatePolicy(
    profile.policy,
    {
      template_slug: template.slug,
      instance_type: instanceType,
      region,
      spot: request.spot,
      hibernation: request.hibernation,
      service_type: 'ec2',
      root_volume_gb: rootVolumeGb,
      ...(request.efs ? { efs: request.efs.file_system_id } : {}),
      tags: launchTags,
    },
    {
      ...(typeInfo ? { instance_type_info: typeInfo } : {}),
      ...(estimate ? { hourly_cost: estimate.hourly } : {}),
      running_count_for_user: live.filter(
        (instance) =>
          instance.tags[TAG.researchUser] === researchUser.username &&
          (instance.state === 'pending' || instance.state === 'running'),
      ).length,
      candidate_instance_types: listInstanceTypes(),
      candidate_hourly_cost: (type) => context.prices.instanceHourly(type, region)?.usd_per_hour,
      ...(context.spend
        ? {
            month_to_date_spend: context.spend.month_to_date,
            projected_month_spend:
              context.spend.projected_month + (estimate?.hourly ?? 0) * context.spend.hours_left_in_month,
          }
        : {}),
    },
  );

  let userData: LaunchPreview['user_data'];
  let userDataError: string | undefined;
  try {
    const rendered = context.renderUserData({
      template,
      distro: distroOfBase(template.base ?? ''),
      user: researchUser,
      launch_id: 'preview',
      ...(request.efs ? { efs: { ...request.efs, region } } : {}),
    });
    userData = { script: maskSecrets(rendered), bytes: rendered.bytes, compressed: rendered.compressed };
  } catch (error) {
    userDataError = error instanceof Error ? error.message : String(error);
  }

  let budget: BudgetLaunchImpact | undefined;
  if (context.budget && estimate) {
    const { report } = await context.costReport();
    budget = budgetLaunchImpact(
      context.budget,
      report.projected_month,
      estimate.hourly,
      context.now,
      new Date(report.month.to),
    );
  }

  return {
    template,
    region,
    instance_type: instanceType,
    ...(typeInfo ? { type_info: typeInfo } : {}),
    root_volume_gb: rootVolumeGb,
    ...(estimate ? { estimate } : {}),
    verdict,
    problems,
    ...(userData ? { user_data: userData } : {}),
    ...(userDataError ? { user_data_error: userDataError } : {}),
    ...(budget ? { budget } : {}),
  };
}

/** The spot price the pipeline estimates a spot launch with, or why it falls back to on demand. */
async function spotQuote(
  context: LaunchPreviewContext,
  instanceType: string,
  region: string,
): Promise<{ quote?: PriceQuote; missing?: string }> {
  if (!context.spotPrice) return { missing: 'spot priced on demand (an upper bound): no spot prices here' };
  try {
    const quote = await context.spotPrice(instanceType, region);
    return quote
      ? { quote }
      : { missing: `no spot price for ${instanceType} in ${region}: priced on demand (an upper bound)` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { missing: `the spot price could not be read (${reason}): priced on demand (an upper bound)` };
  }
}

function maskSecrets(userData: UserData): string {
  let script = userData.script;
  for (const token of Object.values(userData.service_tokens)) {
    if (token) script = script.replaceAll(token, MASKED_SECRET);
  }
  return script;
}
