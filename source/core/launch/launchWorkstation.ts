import { CloudError } from '../CloudError.js';
import type { InstanceTypeInfo } from '../catalog/InstanceTypeInfo.js';
import { formatUsd, formatUsdPerHour } from '../cost/formatUsd.js';
import { FSX_MOUNT_TAG } from '../fsx/fsxTags.js';
import type { ResourceTags, RunInstanceRequest } from '../ports.js';
import { TAG } from '../ports.js';
import { resolveParameterValues } from '../templates/resolveParameterValues.js';
import { TemplateImageError, templateImageSource } from '../templates/templateImage.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { auditedGlobusLaunch } from './AuditedGlobusLaunch.js';
import { chooseInstanceType } from './chooseInstanceType.js';
import { connectionHint } from './connectionHint.js';
import { estimateLaunchCost } from './estimateLaunchCost.js';
import { imageLinux } from './imageLinux.js';
import type { LaunchContext, LaunchResult } from './LaunchContext.js';
import { LaunchDeniedError, LaunchError } from './LaunchError.js';
import type { LaunchProgress } from './LaunchProgress.js';
import type { LaunchRecord } from './LaunchRecordStore.js';
import type { LaunchRequest } from './LaunchRequest.js';
import {
  evaluateLaunchPolicy,
  hibernationProblem,
  launchTagsFor,
  liveInstances,
  nameInUseProblem,
  requireWorkstationTemplate,
  rootVolumeFor,
  runningCountFor,
} from './launchChecks.js';
import { launchPublicIp } from './launchPublicIp.js';
import { asLaunchError, launchStepRunner } from './launchStepRunner.js';
import { ownershipTagsOf } from './ownershipTampering.js';
import { prepareLaunchNetwork } from './prepareLaunchNetwork.js';
import { reservedTagProblem } from './reservedTagProblem.js';
import { unfinishedMatching } from './unfinishedLaunchConflict.js';
import {
  toTagValue,
  validateProject,
  validateTagValue,
  validateWorkstationName,
} from './validateLaunchNames.js';
import { waitUntilReady, waitUntilRunning } from './waitForLaunch.js';

export type { AuditedOverride, LaunchContext, LaunchResult } from './LaunchContext.js';

const DEFAULT_POLLING = { intervalMs: 2_000, runningTimeoutMs: 5 * 60_000, readyTimeoutMs: 30 * 60_000 };

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
  const steps = launchStepRunner(onProgress, now);
  const { run } = steps;

  const region = request.region ?? account.defaultRegion;
  const nameProblem = validateWorkstationName(request.name);
  if (nameProblem) throw new LaunchError('resolve-template', nameProblem);
  for (const [key, value] of Object.entries(request.tags ?? {})) {
    const problem = reservedTagProblem(key) ?? validateTagValue(key, value);
    if (problem) throw new LaunchError('resolve-template', problem);
  }
  const projectProblem = request.project === undefined ? undefined : validateProject(request.project);
  if (projectProblem) throw new LaunchError('resolve-template', projectProblem);

  const template = await run('resolve-template', async () => {
    const resolved = requireWorkstationTemplate(context.resolveTemplate(request.template));
    // Parameter values are checked before anything costs time or money.
    resolveParameterValues(resolved, request.parameters);
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
  const rootVolumeGb = rootVolumeFor(request, template);

  const estimate = await run('estimate-cost', async () => {
    const value = await estimateLaunchCost(context, {
      instanceType,
      region,
      rootVolumeGb,
      spot: request.spot,
    });
    return [
      value,
      `${instanceType} in ${region}: ${formatUsdPerHour(value.hourly)}, ${formatUsd(value.monthly)}/month (estimate)`,
    ];
  });

  const launchTags = launchTagsFor(request, profile);

  const verdict = await run('check-policy', async () => {
    const hibernation = hibernationProblem(request, typeInfo, rootVolumeGb);
    if (hibernation) throw hibernation;
    const live = await liveInstances(context);
    const clash = await nameInUseProblem(context, live, request.name);
    if (clash) throw clash;
    const result = evaluateLaunchPolicy(context, {
      request,
      template,
      instanceType,
      region,
      rootVolumeGb,
      typeInfo,
      estimate,
      live,
      runningCount: await runningCountFor(context.researchUser.username, live, context.records),
      publicIp: await launchPublicIp(
        template,
        region,
        account.network,
        context.network ?? (async () => ({})),
      ),
    });
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

  const [imageId, distro] = await run('resolve-image', async () => {
    const source = imageSourceFor(template, typeInfo, region);
    const id = await account.images.resolveImage(region, source);
    const linux = await imageLinux(template, region, id, account.images);
    return [[id, linux] as const, `${template.base} ${typeInfo.architecture}: ${id} (${linux})`];
  });

  const wanted = {
    template: template.slug,
    region,
    instance_type: instanceType,
    spot: request.spot,
    hibernation: request.hibernation,
    root_volume_gb: rootVolumeGb,
  };
  const existing = await unfinishedMatching(context.records, account.compute, profile.name, request, wanted);
  const launchId = existing?.id ?? context.records.newId();

  const network = await run('prepare-network', () =>
    prepareLaunchNetwork(context, region, template, request),
  );

  const userData = await run('render-user-data', async () => {
    const rendered = context.renderUserData({
      template,
      distro,
      user: context.researchUser,
      launch_id: launchId,
      ...(request.parameters ? { parameters: request.parameters } : {}),
      ...(network.efs ? { efs: { ...network.efs, region } } : {}),
      ...(network.fsx ? { fsx: network.fsx } : {}),
    });
    return [rendered, `${rendered.bytes} bytes${rendered.compressed ? ', gzip-compressed' : ''}`];
  });

  const tags: ResourceTags = {
    ...launchTags,
    [TAG.managed]: 'true',
    [TAG.template]: template.slug,
    [TAG.owner]: context.owner,
    [TAG.researchUser]: context.researchUser.username,
    ...(context.researchUser.globus ? { [TAG.globusIdentity]: context.researchUser.globus.username } : {}),
    [TAG.profile]: profile.name,
    [TAG.launchId]: launchId,
    'cws:connect': connectionHint(template),
    ...(request.hibernation ? { [TAG.hibernated]: 'false' } : {}),
    ...(network.efs ? { [TAG.efs]: network.efs.file_system_id } : {}),
    ...(network.fsx ? { [FSX_MOUNT_TAG]: network.fsx.file_system_id } : {}),
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
    ...(network.subnetId ? { subnet_id: network.subnetId } : {}),
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
    arguments: {
      instance_type: instanceType,
      spot: request.spot,
      hibernation: request.hibernation,
      root_volume_gb: rootVolumeGb,
    },
  };
  record.ownership_tags = ownershipTagsOf(tags);

  const { instance, resumed } = await run('run-instance', async () => {
    const found = existing ? await account.compute.findByClientToken(region, launchId) : undefined;
    if (found) return [{ instance: found, resumed: true }, `resumed ${found.id} from an earlier attempt`];
    if (context.dryRun) await account.compute.checkLaunchPermission(runRequest);
    const release = await context.claimLaunch?.({
      launch_id: launchId,
      name: request.name,
      profile: profile.name,
      research_user: context.researchUser.username,
      owner: context.owner,
      overridden: !verdict.allowed,
    });
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
    const globusLaunch = auditedGlobusLaunch(context.researchUser, {
      profile: profile.name,
      template: template.slug,
      launch_id: launchId,
    });
    if (globusLaunch) await context.audit(globusLaunch);
    const launched = await account.compute.runInstance(runRequest).catch(async (error: unknown) => {
      // A network failure may have started the instance anyway: a retry resumes it, so keep the claim.
      if (!(error instanceof CloudError && error.kind === 'network')) await release?.().catch(() => {});
      throw error;
    });
    return [
      { instance: launched, resumed: false },
      `${launched.id} in ${launched.availability_zone ?? region}`,
    ];
  });
  record.instance_id = instance.id;
  await context.records.save(record);

  const running = await waitUntilRunning(steps, account.compute, polling, region, launchId, instance);
  record.status = 'launched';
  await context.records.save(record);
  if (request.wait_ready) await waitUntilReady(steps, account.compute, polling, region, running.id);
  else steps.skip('wait-ready', 'not waiting for setup to finish (use --wait-ready)');

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

function imageSourceFor(template: ResolvedTemplate, info: InstanceTypeInfo, region: string) {
  try {
    return templateImageSource(template, info.architecture, region);
  } catch (error) {
    if (error instanceof TemplateImageError) throw new LaunchError('resolve-image', error.message);
    throw error;
  }
}
