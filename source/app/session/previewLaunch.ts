import type { InstanceTypeInfo } from '../../core/catalog/InstanceTypeInfo.js';
import type { Budget } from '../../core/cost/Budget.js';
import { type BudgetLaunchImpact, budgetLaunchImpact } from '../../core/cost/budgetLaunchImpact.js';
import type { CostEstimate } from '../../core/cost/estimateCost.js';
import type { LoadedCostReport } from '../../core/cost/loadCostReport.js';
import { chooseInstanceType } from '../../core/launch/chooseInstanceType.js';
import { estimateLaunchCost } from '../../core/launch/estimateLaunchCost.js';
import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import {
  evaluateLaunchPolicy,
  hibernationProblem,
  type LaunchCheckContext,
  liveInstances,
  nameInUseProblem,
  requireWorkstationTemplate,
  rootVolumeFor,
  runningCountFor,
} from '../../core/launch/launchChecks.js';
import type { LaunchContext } from '../../core/launch/launchWorkstation.js';
import { validateWorkstationName } from '../../core/launch/validateLaunchNames.js';
import type { PolicyVerdict } from '../../core/policy/PolicyVerdict.js';
import { templateDistro } from '../../core/templates/templateImage.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';

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

/** The launch pipeline's own facts, plus what the review shows besides. */
export interface LaunchPreviewContext
  extends LaunchCheckContext,
    Pick<LaunchContext, 'resolveTemplate' | 'renderUserData'> {
  /** Why the session refuses every launch now (a budget past a `block` threshold), if it does. */
  blocked?: string;
  /** The session's cost report, for the budget projection; absent when there is no budget. */
  costReport(): Promise<LoadedCostReport>;
  budget?: Budget;
  now: Date;
}

/**
 * Runs the checks the launch pipeline runs before it starts anything (the same functions, with the
 * same facts) without launching, and collects every answer instead of stopping at the first. The
 * pipeline stays the one that decides: this lets the wizard show its decision before Enter.
 */
export async function previewLaunch(
  request: LaunchRequest,
  context: LaunchPreviewContext,
): Promise<LaunchPreview> {
  const { account, researchUser } = context;
  const region = request.region ?? account.defaultRegion;
  const template = requireWorkstationTemplate(context.resolveTemplate(request.template));
  const instanceType = chooseInstanceType(template, request);
  const rootVolumeGb = rootVolumeFor(request, template);
  const problems: string[] = [];
  const nameProblem = validateWorkstationName(request.name);
  if (nameProblem) problems.push(nameProblem);

  const [typeInfo] = await account.compute.describeInstanceTypes(region, [instanceType]);
  if (!typeInfo) problems.push(`the instance type ${instanceType} does not exist in ${region}`);
  if (context.blocked) problems.push(context.blocked);
  let estimate: CostEstimate | undefined;
  try {
    estimate = await estimateLaunchCost(context, { instanceType, region, rootVolumeGb, spot: request.spot });
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  const hibernation = typeInfo ? hibernationProblem(request, typeInfo, rootVolumeGb) : undefined;
  if (hibernation) problems.push(hibernation.message);
  const live = await liveInstances(context);
  const clash = await nameInUseProblem(context, live, request.name);
  if (clash) problems.push(clash.message);
  const verdict = evaluateLaunchPolicy(context, {
    request,
    template,
    instanceType,
    region,
    rootVolumeGb,
    typeInfo,
    estimate,
    live,
    runningCount: await runningCountFor(context.researchUser.username, live, context.records),
  });

  let userData: LaunchPreview['user_data'];
  let userDataError: string | undefined;
  try {
    const rendered = context.renderUserData({
      template,
      distro: templateDistro(template),
      user: researchUser,
      launch_id: 'preview',
      ...(request.parameters ? { parameters: request.parameters } : {}),
      ...(request.efs ? { efs: { ...request.efs, region } } : {}),
    });
    userData = { script: rendered.script, bytes: rendered.bytes, compressed: rendered.compressed };
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
