import { setTimeout as sleep } from 'node:timers/promises';
import { CloudError } from '../CloudError.js';
import type { InstanceTypeInfo } from '../catalog/InstanceTypeInfo.js';
import { listInstanceTypes } from '../catalog/instanceTypes.js';
import { type Discounts, withDiscounts } from '../cost/discounts.js';
import { type CostEstimate, estimateCost } from '../cost/estimateCost.js';
import { formatUsd, formatUsdPerHour } from '../cost/formatUsd.js';
import type { PriceCatalog } from '../cost/PriceCatalog.js';
import type { PriceQuote } from '../cost/PriceQuote.js';
import type { ResearchUser } from '../identity/ResearchUser.js';
import { distroOfBase, resolveImageSource } from '../images/resolveImageSource.js';
import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import type { PolicyVerdict } from '../policy/PolicyVerdict.js';
import type { Policy } from '../policy/policySchema.js';
import type { CloudAccount, ImageSource, Instance, ResourceTags, RunInstanceRequest } from '../ports.js';
import { TAG } from '../ports.js';
import { parseProgressMarkers } from '../provisioning/progressMarkers.js';
import type { UserData } from '../provisioning/UserData.js';
import type { UserDataInput } from '../provisioning/UserDataInput.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { chooseInstanceType } from './chooseInstanceType.js';
import { connectionHint } from './connectionHint.js';
import { LaunchDeniedError, LaunchError } from './LaunchError.js';
import type { LaunchProgress, LaunchStep } from './LaunchProgress.js';
import type { LaunchRecord, LaunchRecordStore } from './LaunchRecordStore.js';
import type { LaunchRequest } from './LaunchRequest.js';
import { toTagValue, validateTagValue, validateWorkstationName } from './validateLaunchNames.js';

/** The profile a launch runs under: its name tags the resources, its policy decides. */
export interface LaunchProfile {
  name: string;
  policy: Policy;
  role: 'admin' | 'member';
  project?: string;
}

export interface AuditedOverride {
  action: 'policy-override';
  profile: string;
  owner: string;
  template: string;
  instance_type: string;
  reason: string;
  violations: string[];
  launch_id: string;
}

export interface LaunchContext {
  account: CloudAccount;
  profile: LaunchProfile;
  /** The AWS principal launching (cws:owner). */
  owner: string;
  researchUser: ResearchUser;
  resolveTemplate(slugOrName: string): ResolvedTemplate;
  renderUserData(input: UserDataInput): UserData;
  prices: PriceCatalog;
  discounts?: Discounts;
  /** The current spot price of a type (EC2 spot history on AWS, a simulated one on the demo). */
  spotPrice?: (instanceType: string, region: string) => Promise<PriceQuote | undefined>;
  records: LaunchRecordStore;
  audit(event: AuditedOverride): Promise<void>;
  /** This month's spend and its projection so far, for the policy's budget rules. */
  spend?: { month_to_date: number; projected_month: number; hours_left_in_month: number };
  /** Check RunInstances with DryRun first (once per session: the caller clears it after). */
  dryRun: boolean;
  polling?: { intervalMs: number; runningTimeoutMs: number; readyTimeoutMs: number };
  now?: () => Date;
}

export interface LaunchResult {
  instance: Instance;
  record: LaunchRecord;
  template: ResolvedTemplate;
  estimate: CostEstimate;
  verdict: PolicyVerdict;
  user_data: { bytes: number; compressed: boolean };
  /** True when a retry found the instance an earlier attempt had started. */
  resumed: boolean;
}

const DEFAULT_POLLING = { intervalMs: 2_000, runningTimeoutMs: 5 * 60_000, readyTimeoutMs: 30 * 60_000 };
const DEFAULT_ROOT_VOLUME_GB = 20;
/** Hibernation writes RAM to the root volume: it needs the memory plus room for the OS. */
const HIBERNATION_OS_HEADROOM_GB = 8;

/**
 * The one launch pipeline: resolve template -> estimate cost -> check policy -> resolve image ->
 * generate user data -> prepare network -> run instance -> wait until running -> (wait until ready).
 * The cost is estimated before the policy is checked because the policy's cost caps need it.
 * The launch id is saved before RunInstances and sent as its ClientToken, so a retry of the same
 * name resumes the earlier attempt instead of starting a second instance.
 */
export async function launchWorkstation(
  request: LaunchRequest,
  context: LaunchContext,
  onProgress: (progress: LaunchProgress) => void = () => {},
): Promise<LaunchResult> {
  const now = context.now ?? (() => new Date());
  const polling = context.polling ?? DEFAULT_POLLING;
  const { account, profile } = context;
  const emit = (step: LaunchStep, status: LaunchProgress['status'], detail: string) =>
    onProgress({ step, status, detail, at: now().toISOString() });
  const run = async <T>(step: LaunchStep, work: () => Promise<[T, string]>): Promise<T> => {
    emit(step, 'started', '');
    try {
      const [value, detail] = await work();
      emit(step, 'done', detail);
      return value;
    } catch (error) {
      const failure = asLaunchError(step, error);
      emit(step, 'failed', failure.message);
      throw failure;
    }
  };

  const region = request.region ?? account.defaultRegion;
  const nameProblem = validateWorkstationName(request.name);
  if (nameProblem) throw new LaunchError('resolve-template', nameProblem);
  for (const [key, value] of Object.entries(request.tags ?? {})) {
    const problem = validateTagValue(key, value);
    if (problem) throw new LaunchError('resolve-template', problem);
  }

  const template = await run('resolve-template', async () => {
    const resolved = context.resolveTemplate(request.template);
    const kind = resolved.service_config?.kind;
    if (kind) {
      throw new LaunchError(
        'resolve-template',
        `${resolved.slug} is a ${kind} web service, not an EC2 workstation`,
        'Open it from the Services screen (:services).',
      );
    }
    if (!resolved.base) throw new LaunchError('resolve-template', `${resolved.slug} names no base image`);
    return [resolved, `${resolved.slug} (${resolved.inheritance_chain.join(' > ')})`];
  });

  const instanceType = chooseInstanceType(template, request);
  const [typeInfo] = await account.compute
    .describeInstanceTypes(region, [instanceType])
    .catch((error: unknown) => {
      throw asLaunchError('estimate-cost', error);
    });
  if (!typeInfo)
    throw new LaunchError('estimate-cost', `the instance type ${instanceType} does not exist in ${region}`);
  const rootVolumeGb =
    request.root_volume_gb ?? template.instance_defaults?.root_volume_gb ?? DEFAULT_ROOT_VOLUME_GB;

  const estimate = await run('estimate-cost', async () => {
    const spot = request.spot ? await currentSpotPrice(context, instanceType, region) : undefined;
    const value = estimateCost(
      {
        instanceType,
        region,
        rootVolumeGb,
        volumeType: 'gp3',
        ...(spot?.quote ? { spot: spot.quote } : {}),
        ...(context.discounts ? { discounts: context.discounts } : {}),
      },
      context.prices,
    );
    if (spot?.missing) value.note = value.note ? `${spot.missing}; ${value.note}` : spot.missing;
    return [
      value,
      `${instanceType} in ${region}: ${formatUsdPerHour(value.hourly)}, ${formatUsd(value.monthly)}/month (estimate)`,
    ];
  });

  const launchTags: ResourceTags = {
    ...(request.tags ?? {}),
    ...((request.project ?? profile.project) ? { project: request.project ?? profile.project ?? '' } : {}),
  };

  const verdict = await run('check-policy', async () => {
    checkHibernation(request, typeInfo, rootVolumeGb);
    const running = await liveInstances(context);
    await refuseNameInUse(context, running, request.name);
    const result = evaluatePolicy(
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
        instance_type_info: typeInfo,
        hourly_cost: estimate.hourly,
        running_count_for_user: running.filter(
          (instance) =>
            instance.tags[TAG.researchUser] === context.researchUser.username &&
            (instance.state === 'pending' || instance.state === 'running'),
        ).length,
        candidate_instance_types: listInstanceTypes(),
        candidate_hourly_cost: (type) =>
          withDiscounts(context.prices, context.discounts ?? {}).instanceHourly(type, region)?.usd_per_hour,
        ...(context.spend
          ? {
              month_to_date_spend: context.spend.month_to_date,
              projected_month_spend:
                context.spend.projected_month + estimate.hourly * context.spend.hours_left_in_month,
            }
          : {}),
      },
    );
    if (!result.allowed) {
      if (!request.override_reason) throw new LaunchDeniedError(result);
      if (profile.role !== 'admin') {
        throw new LaunchError('check-policy', 'only a profile with the admin role can override the policy');
      }
    }
    const detail = result.allowed
      ? (result.notes[0] ?? `allowed (${result.checked.length} rules checked)`)
      : `denied, overridden by an admin: ${request.override_reason}`;
    return [result, detail];
  });

  const imageId = await run('resolve-image', async () => {
    const source = toImageSource(template.base ?? '', typeInfo);
    const id = await account.images.resolveImage(region, source);
    return [id, `${template.base} ${typeInfo.architecture}: ${id}`];
  });

  const existing = await context.records.findUnfinished(profile.name, request.name);
  const launchId = existing?.id ?? context.records.newId();

  const userData = await run('render-user-data', async () => {
    const rendered = context.renderUserData({
      template,
      distro: distroOfBase(template.base ?? ''),
      user: context.researchUser,
      launch_id: launchId,
      ...(request.efs ? { efs: { ...request.efs, region } } : {}),
      ...(existing?.service_tokens ? { service_tokens: existing.service_tokens } : {}),
    });
    return [rendered, `${rendered.bytes} bytes${rendered.compressed ? ', gzip-compressed' : ''}`];
  });

  const network = await run('prepare-network', async () => {
    const securityGroup = await account.network.ensureSecurityGroup(region, {});
    const publicKey = context.researchUser.ssh_public_keys[0];
    const keyName = publicKey
      ? await account.network.ensureKeyPair(region, `cws-${context.researchUser.username}`, publicKey)
      : undefined;
    // The boot script tags its progress and the idle agent stops the instance through this role.
    const instanceProfile = await account.roles.ensureWorkstationInstanceProfile();
    return [
      { securityGroup, keyName, instanceProfile },
      `security group ${securityGroup}${keyName ? `, key ${keyName}` : ''}, instance profile ${instanceProfile}`,
    ];
  });

  const tags: ResourceTags = {
    ...launchTags,
    [TAG.managed]: 'true',
    [TAG.template]: template.slug,
    [TAG.owner]: context.owner,
    [TAG.researchUser]: context.researchUser.username,
    [TAG.profile]: profile.name,
    [TAG.launchId]: launchId,
    'cws:connect': connectionHint(template),
    ...(request.hibernation ? { [TAG.hibernated]: 'false' } : {}),
    ...(!verdict.allowed && request.override_reason
      ? { [TAG.override]: toTagValue(request.override_reason) }
      : {}),
  };
  const runRequest: RunInstanceRequest = {
    region,
    name: request.name,
    image_id: imageId,
    instance_type: instanceType,
    user_data_base64: userData.payload.toString('base64'),
    client_token: launchId,
    tags,
    root_volume_gb: rootVolumeGb,
    root_volume_type: 'gp3',
    spot: request.spot,
    hibernation: request.hibernation,
    security_group_ids: [network.securityGroup],
    ...(network.keyName ? { key_name: network.keyName } : {}),
    iam_instance_profile: network.instanceProfile,
  };

  const record: LaunchRecord = existing ?? {
    id: launchId,
    profile: profile.name,
    name: request.name,
    template: template.slug,
    region,
    created_at: now().toISOString(),
    status: 'requested',
  };
  record.service_tokens = { ...(record.service_tokens ?? {}), ...stringTokens(userData.service_tokens) };

  const { instance, resumed } = await run('run-instance', async () => {
    const found = existing ? await account.compute.findByClientToken(region, launchId) : undefined;
    if (found) return [{ instance: found, resumed: true }, `resumed ${found.id} from an earlier attempt`];
    if (context.dryRun) await account.compute.checkLaunchPermission(runRequest);
    // Saved before RunInstances: whatever happens next, a retry reuses this id as the ClientToken.
    await context.records.save(record);
    if (!verdict.allowed && request.override_reason) {
      await context.audit({
        action: 'policy-override',
        profile: profile.name,
        owner: context.owner,
        template: template.slug,
        instance_type: instanceType,
        reason: request.override_reason,
        violations: verdict.violations.map((violation) => violation.message),
        launch_id: launchId,
      });
    }
    const launched = await account.compute.runInstance(runRequest);
    return [
      { instance: launched, resumed: false },
      `${launched.id} in ${launched.availability_zone ?? region}`,
    ];
  });
  record.instance_id = instance.id;
  await context.records.save(record);

  const running = await run('wait-running', async () => {
    const value = await waitFor(polling.runningTimeoutMs, polling.intervalMs, async () => {
      const current = await account.compute.findByClientToken(region, launchId);
      if (current?.state === 'terminated' || current?.state === 'shutting-down') {
        throw new LaunchError(
          'wait-running',
          `${instance.id} was terminated while starting`,
          'Check the EC2 console for the reason (often spot capacity).',
        );
      }
      return current?.state === 'running' ? current : undefined;
    });
    if (!value) {
      throw new LaunchError(
        'wait-running',
        `${instance.id} is not running after ${Math.round(polling.runningTimeoutMs / 1000)} s`,
        'It may still start: run `cws-tui list`, or launch again with the same name to keep waiting.',
      );
    }
    return [value, `${value.id} running${value.public_ip ? ` at ${value.public_ip}` : ''}`];
  });
  record.status = 'launched';
  await context.records.save(record);

  if (request.wait_ready) {
    await run('wait-ready', async () => {
      let lastStage: string | undefined;
      const ready = await waitFor(polling.readyTimeoutMs, polling.intervalMs, async () => {
        const progress = parseProgressMarkers(await account.compute.consoleOutput(region, running.id));
        if (progress.failed) {
          throw new LaunchError(
            'wait-ready',
            `setup failed at ${progress.failed.stage}: ${progress.failed.message}`,
            'See /var/log/cws-setup.log on the instance.',
          );
        }
        if (progress.stage && progress.stage !== lastStage && !progress.ready) {
          lastStage = progress.stage;
          emit('wait-ready', 'started', `setup: ${progress.stage}`);
        }
        return progress.ready ? true : undefined;
      });
      if (!ready)
        throw new LaunchError(
          'wait-ready',
          `setup did not report ready within ${Math.round(polling.readyTimeoutMs / 60000)} min`,
        );
      return [true, 'ready'];
    });
  } else {
    emit('wait-ready', 'skipped', 'not waiting for setup to finish (use --wait-ready)');
  }

  return {
    instance: running,
    record,
    template,
    estimate,
    verdict,
    user_data: { bytes: userData.bytes, compressed: userData.compressed },
    resumed,
  };
}

function checkHibernation(request: LaunchRequest, info: InstanceTypeInfo, rootVolumeGb: number): void {
  if (!request.hibernation) return;
  if (!info.hibernation_supported) {
    throw new LaunchError(
      'check-policy',
      `${info.name} cannot hibernate`,
      'Choose a type that supports hibernation, or launch without it.',
    );
  }
  const needed = Math.ceil(info.memory_gib) + HIBERNATION_OS_HEADROOM_GB;
  if (rootVolumeGb < needed) {
    throw new LaunchError(
      'check-policy',
      `hibernation needs a root volume of at least ${needed} GB (RAM ${info.memory_gib} GiB + ${HIBERNATION_OS_HEADROOM_GB} GB), got ${rootVolumeGb} GB`,
      `Launch with --root-volume ${needed} or more.`,
    );
  }
}

async function liveInstances(context: LaunchContext): Promise<Instance[]> {
  const { items } = await context.account.compute.listInstances({
    regions: context.account.regions,
    tags: { [TAG.managed]: 'true', [TAG.profile]: context.profile.name },
  });
  return items.filter((instance) => instance.state !== 'terminated' && instance.state !== 'shutting-down');
}

async function refuseNameInUse(context: LaunchContext, live: Instance[], name: string): Promise<void> {
  const unfinished = await context.records.findUnfinished(context.profile.name, name);
  const clash = live.find((instance) => instance.name === name && instance.client_token !== unfinished?.id);
  if (clash) {
    throw new LaunchError(
      'check-policy',
      `a workstation named '${name}' already exists (${clash.id}, ${clash.state})`,
      'Choose another name, or terminate the existing one first.',
    );
  }
}

function toImageSource(base: string, info: InstanceTypeInfo): ImageSource {
  const source = resolveImageSource(base, info.architecture);
  return source.kind === 'ssm'
    ? source
    : {
        kind: 'describe-images',
        owner: source.owner,
        name_pattern: source.namePattern,
        architecture: info.architecture,
      };
}

async function waitFor<T>(
  timeoutMs: number,
  intervalMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await sleep(intervalMs);
  }
}

function asLaunchError(step: LaunchStep, error: unknown): LaunchError {
  if (error instanceof LaunchError) return error;
  if (error instanceof CloudError) return new LaunchError(step, error.message, error.hint);
  return new LaunchError(step, error instanceof Error ? error.message : String(error));
}

function stringTokens(tokens: UserData['service_tokens']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tokens).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * The spot price a spot launch is estimated with. Without one (no spot offering, no permission to
 * read the history) the estimate stays on demand, an upper bound, and says why.
 */
async function currentSpotPrice(
  context: LaunchContext,
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
