import { formatUsdPerHour } from '../cost/formatUsd.js';
import { LaunchError } from '../launch/LaunchError.js';
import type { LaunchProgress } from '../launch/LaunchProgress.js';
import type { LaunchRequest } from '../launch/LaunchRequest.js';
import { launchTagsFor } from '../launch/launchChecks.js';
import { launchStepRunner } from '../launch/launchStepRunner.js';
import { toTagValue, validateTagValue, validateWorkstationName } from '../launch/validateLaunchNames.js';
import { type ResourceTags, type StudioApp, TAG } from '../ports.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { CANVAS_INSTANCE_TYPE, CANVAS_SESSION_HOURLY_USD } from './canvasPricing.js';
import { checkSageMakerLaunch } from './checkSageMakerLaunch.js';
import type { SageMakerLaunchHost } from './SageMakerLaunchHost.js';
import type { ServiceLaunchResult } from './Service.js';
import type { ManagedServiceKind } from './ServiceKind.js';
import { STUDIO_DOMAIN_NAME, studioSpaceName, studioUserProfileName } from './sageMakerNames.js';
import { sameOwner } from './studioAppSelection.js';
import { studioInstanceType } from './studioInstanceType.js';
import { isLiveApp } from './studioRows.js';
import { waitForStudioStep } from './waitForStudioStep.js';

const DEFAULT_IDLE_TIMEOUT_MINUTES = 60;

/**
 * A Studio space (or a Canvas app) through the same steps as an EC2 launch: one policy check with
 * service type `sagemaker`, the `ml.*` type and its price, and the same progress events.
 */
export async function launchSageMakerService(
  host: SageMakerLaunchHost,
  request: LaunchRequest,
  template: ResolvedTemplate,
  onProgress: (progress: LaunchProgress) => void,
): Promise<ServiceLaunchResult> {
  const studio = host.context.account.studio;
  const steps = launchStepRunner(onProgress, host.now);
  const region = request.region ?? host.context.account.defaultRegion;
  const nameProblem = validateWorkstationName(request.name);
  if (nameProblem) throw new LaunchError('resolve-template', nameProblem);
  for (const [key, value] of Object.entries(request.tags ?? {})) {
    const problem = validateTagValue(key, value);
    if (problem) throw new LaunchError('resolve-template', problem);
  }

  const config = await steps.run('resolve-template', async () => {
    const serviceConfig = template.service_config;
    if (serviceConfig?.kind !== 'sagemaker-studio' && serviceConfig?.kind !== 'sagemaker-canvas') {
      throw new LaunchError(
        'resolve-template',
        `${template.slug} is not a SageMaker Studio or Canvas template`,
      );
    }
    const what =
      serviceConfig.kind === 'sagemaker-canvas'
        ? 'a Canvas app'
        : `a ${serviceConfig.app_type ?? 'JupyterLab'} space`;
    return [serviceConfig, `${template.slug}: ${what}`];
  });
  const kind: ManagedServiceKind = config.kind;
  const canvas = config.kind === 'sagemaker-canvas';
  const appType = config.kind === 'sagemaker-studio' ? (config.app_type ?? 'JupyterLab') : 'Canvas';
  const idleTimeout =
    config.kind === 'sagemaker-studio'
      ? (config.idle_timeout_minutes ?? DEFAULT_IDLE_TIMEOUT_MINUTES)
      : DEFAULT_IDLE_TIMEOUT_MINUTES;

  const { instanceType, hourly } = await steps.run('estimate-cost', async () => {
    const type = canvas ? CANVAS_INSTANCE_TYPE : studioInstanceType(request, template);
    const price = canvas
      ? CANVAS_SESSION_HOURLY_USD
      : host.context.prices.instanceHourly(type, region)?.usd_per_hour;
    if (price === undefined) {
      throw new LaunchError(
        'estimate-cost',
        `no price is known for ${type} in ${region}`,
        'Choose a size whose ml.* type the price table lists (ml.t3.medium, ml.m5.xlarge, ml.g5.xlarge...).',
      );
    }
    const what = canvas ? 'Canvas session' : `${type} ${appType}`;
    return [
      { instanceType: type, hourly: price },
      `${what} in ${region}: ${formatUsdPerHour(price)} while it runs`,
    ];
  });

  const researchUser = await host.context.researchUser();
  const owner = await host.context.owner();
  const profileName = studioUserProfileName(researchUser.username);
  const launchTags = launchTagsFor(request, host.context.profile);

  const { verdict, existing } = await steps.run('check-policy', async () => {
    const checked = await checkSageMakerLaunch(host, {
      request,
      template,
      kind,
      region,
      instanceType,
      hourly,
      researchUser: researchUser.username,
      owner,
      launchTags,
    });
    const result = checked.verdict;
    const detail = result.allowed
      ? (result.notes[0] ?? `allowed (${result.checked.length} rules checked)`)
      : `denied, overridden by an admin: ${request.override_reason}`;
    return [{ verdict: result, existing: checked.existing }, detail];
  });

  const tags: ResourceTags = {
    ...launchTags,
    ...(!verdict.allowed && request.override_reason
      ? { [TAG.override]: toTagValue(request.override_reason) }
      : {}),
    [TAG.managed]: 'true',
    [TAG.template]: template.slug,
    [TAG.owner]: owner,
    [TAG.researchUser]: researchUser.username,
    [TAG.profile]: host.context.profile.name,
    [TAG.name]: request.name,
  };

  const domain = await steps.run('ensure-domain', async () => {
    const found = await studio.ensureDomain(region, {
      name: STUDIO_DOMAIN_NAME,
      tags: { [TAG.managed]: 'true', [TAG.owner]: owner },
      ...(host.context.executionRoleArn ? { execution_role_arn: host.context.executionRoleArn } : {}),
    });
    const ready = await waitForStudioStep(
      host.polling,
      'ensure-domain',
      `the domain ${found.id}`,
      async () => (await studio.listDomains(region)).find((d) => d.id === found.id),
      ['InService'],
    );
    return [ready ?? found, `${found.name} (${found.id})`];
  });

  await steps.run('ensure-user-profile', async () => {
    await studio.ensureUserProfile(region, domain.id, profileName, {
      [TAG.managed]: 'true',
      [TAG.researchUser]: researchUser.username,
    });
    await waitForStudioStep(
      host.polling,
      'ensure-user-profile',
      `the user profile ${profileName}`,
      async () => (await studio.listUserProfiles(region, domain.id)).find((p) => p.name === profileName),
      ['InService'],
    );
    return [undefined, profileName];
  });

  const spaceName = studioSpaceName(request.name);
  if (config.kind === 'sagemaker-studio') {
    const studioAppType = config.app_type ?? 'JupyterLab';
    await steps.run('create-space', async () => {
      await studio.ensureSpace(region, {
        domain_id: domain.id,
        name: spaceName,
        owner_profile: profileName,
        app_type: studioAppType,
        instance_type: instanceType,
        idle_timeout_minutes: idleTimeout,
        tags,
      });
      await waitForStudioStep(
        host.polling,
        'create-space',
        `the space ${spaceName}`,
        async () => (await studio.listSpaces(region, domain.id)).find((s) => s.name === spaceName),
        ['InService'],
      );
      return [undefined, `${spaceName} (${studioAppType}, idle shutdown after ${idleTimeout} min)`];
    });
  } else {
    steps.skip('create-space', 'Canvas runs on the user profile, without a space');
  }

  const owned = canvas ? { profile: profileName } : { space: spaceName };
  const appOf = async (): Promise<StudioApp | undefined> =>
    (await studio.listApps(region, domain.id))
      .filter((app) => app.type === appType && sameOwner(app.owner, owned))
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
      .find(isLiveApp);

  const resumed = await steps.run('create-app', async () => {
    const live = await appOf();
    if (live) return [true, `${appType} app already ${live.status}`];
    const created = await studio.createApp(region, {
      domain_id: domain.id,
      type: appType,
      owner: owned,
      instance_type: canvas ? 'system' : instanceType,
      tags,
    });
    return [
      false,
      canvas
        ? // SageMaker has no idle shutdown for Canvas: say so where the launch is watched.
          `Canvas app ${created.name}: billed until terminated (no idle shutdown for Canvas)`
        : `${appType} app ${created.name} on ${instanceType}`,
    ];
  });

  await steps.run('wait-in-service', async () => {
    await waitForStudioStep(host.polling, 'wait-in-service', `the ${appType} app`, appOf, ['InService']);
    return [undefined, `${appType} in service`];
  });

  const workstation = (await host.list([region])).find(
    (row) => row.name === request.name && row.kind === kind,
  );
  if (!workstation) {
    throw new LaunchError(
      'wait-in-service',
      `${request.name} is in service but not listed; refresh to see it`,
    );
  }
  return {
    workstation,
    template,
    hourly_cost: hourly,
    verdict,
    resumed: resumed || existing !== undefined,
  };
}
