import { setTimeout as sleep } from 'node:timers/promises';
import { CloudError } from '../CloudError.js';
import type { InstanceTypeInfo } from '../catalog/InstanceTypeInfo.js';
import type { CostEstimate } from '../cost/estimateCost.js';
import { formatUsd, formatUsdPerHour } from '../cost/formatUsd.js';
import { FSX_MOUNT_TAG } from '../fsx/fsxTags.js';
import { prepareFsxMount } from '../fsx/prepareFsxMount.js';
import type { NetworkChoice } from '../network/NetworkChoice.js';
import type { PolicyVerdict } from '../policy/PolicyVerdict.js';
import type { Instance, ResourceTags, RunInstanceRequest } from '../ports.js';
import { TAG } from '../ports.js';
import { parseProgressMarkers } from '../provisioning/progressMarkers.js';
import { templateS3Objects } from '../provisioning/templateS3Objects.js';
import type { UserData } from '../provisioning/UserData.js';
import type { UserDataInput } from '../provisioning/UserDataInput.js';
import { resolveParameterValues } from '../templates/resolveParameterValues.js';
import { TemplateImageError, templateImageSource } from '../templates/templateImage.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { type AuditedGlobusLaunch, auditedGlobusLaunch } from './AuditedGlobusLaunch.js';
import { chooseInstanceType } from './chooseInstanceType.js';
import { connectionHint } from './connectionHint.js';
import { imageLinux } from './imageLinux.js';
import type { LaunchClaim, ReleaseLaunchClaim } from './LaunchClaim.js';
import { LaunchDeniedError, LaunchError } from './LaunchError.js';
import type { LaunchProgress } from './LaunchProgress.js';
import type { LaunchRecord } from './LaunchRecordStore.js';
import type { LaunchRequest } from './LaunchRequest.js';
import {
  estimateLaunchCost,
  evaluateLaunchPolicy,
  hibernationProblem,
  type LaunchCheckContext,
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
import { reservedTagProblem } from './reservedTagProblem.js';
import { unfinishedMatching } from './unfinishedLaunchConflict.js';
import {
  toTagValue,
  validateProject,
  validateTagValue,
  validateWorkstationName,
} from './validateLaunchNames.js';

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

export interface LaunchContext extends LaunchCheckContext {
  /** The AWS principal launching (cws:owner). */
  owner: string;
  resolveTemplate(slugOrName: string): ResolvedTemplate;
  renderUserData(input: UserDataInput): UserData;
  audit(event: AuditedOverride | AuditedGlobusLaunch): Promise<void>;
  /** The subnet and SSH source `network use` recorded for the profile in a region (none: default VPC). */
  network?: (region: string) => Promise<NetworkChoice>;
  /** Claims the name and a running lease in the team store before RunInstances (see LaunchClaim). */
  claimLaunch?(claim: LaunchClaim): Promise<ReleaseLaunchClaim>;
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

  const network = await run('prepare-network', async () => {
    const choice = (await context.network?.(region)) ?? {};
    const securityGroup = await account.network.ensureSecurityGroup(region, choice);
    const publicKey = context.researchUser.ssh_public_keys[0];
    const keyName = publicKey
      ? await account.network.ensureKeyPair(region, `cws-${context.researchUser.username}`, publicKey)
      : undefined;
    // The boot script tags its progress and the idle agent stops the instance through this role.
    const instanceProfile = await account.roles.ensureWorkstationInstanceProfile();
    // The template's S3 files: the role may read exactly those objects (the policy checked the buckets).
    const s3Objects = templateS3Objects(template, request.parameters);
    const filesGrant =
      s3Objects.length > 0 ? await account.roles.grantTemplateFiles(template.slug, s3Objects) : undefined;
    const efs = request.efs
      ? await prepareFileSystem(context, region, request.efs, choice.subnet_id)
      : undefined;
    const fsx = request.fsx ? await prepareFsxMount(account, region, request.fsx.file_system_id) : undefined;
    return [
      { securityGroup, keyName, instanceProfile, efs, fsx, subnetId: choice.subnet_id },
      `${choice.subnet_id ? `subnet ${choice.subnet_id}, ` : ''}security group ${securityGroup}${keyName ? `, key ${keyName}` : ''}, instance profile ${instanceProfile}` +
        (efs ? `, ${efs.file_system_id} through access point ${efs.access_point_id}` : '') +
        (fsx ? `, FSx ${fsx.type} ${fsx.file_system_id} at /fsx` : '') +
        (filesGrant ? `; ${filesGrant}` : ''),
    ];
  });

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
          steps.update('wait-ready', `setup: ${progress.stage}`);
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
    steps.skip('wait-ready', 'not waiting for setup to finish (use --wait-ready)');
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

function imageSourceFor(template: ResolvedTemplate, info: InstanceTypeInfo, region: string) {
  try {
    return templateImageSource(template, info.architecture, region);
  } catch (error) {
    if (error instanceof TemplateImageError) throw new LaunchError('resolve-image', error.message);
    throw error;
  }
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

/**
 * The EFS file system a launch mounts: it must exist in the region; it gets a mount target (in the
 * default subnets) and the research user's access point, so that files carry the user's identity.
 */
async function prepareFileSystem(
  context: LaunchContext,
  region: string,
  efs: NonNullable<LaunchRequest['efs']>,
  subnetId: string | undefined,
): Promise<{ file_system_id: string; access_point_id: string }> {
  const { storage } = context.account;
  const found = (await storage.listFileSystems([region])).find((fs) => fs.id === efs.file_system_id);
  if (!found) {
    throw new LaunchError(
      'prepare-network',
      `the EFS file system ${efs.file_system_id} does not exist in ${region}`,
      'See :storage, or create one with cws-tui storage create <name>.',
    );
  }
  await storage.ensureMountTarget(region, found.id, subnetId);
  if (efs.access_point_id) return { file_system_id: found.id, access_point_id: efs.access_point_id };
  const user = context.researchUser;
  const accessPoint = await storage.ensureAccessPoint(
    region,
    found.id,
    { username: user.username, uid: user.uid, gid: user.gid },
    { [TAG.managed]: 'true', [TAG.profile]: context.profile.name },
  );
  return { file_system_id: found.id, access_point_id: accessPoint.id };
}
