import { CloudError } from '../CloudError.js';
import { findInstanceType, listInstanceTypes } from '../catalog/instanceTypes.js';
import { formatUsdPerHour } from '../cost/formatUsd.js';
import type { PriceCatalog } from '../cost/PriceCatalog.js';
import type { ResearchUser } from '../identity/ResearchUser.js';
import { LaunchDeniedError, LaunchError } from '../launch/LaunchError.js';
import type { LaunchProgress } from '../launch/LaunchProgress.js';
import type { LaunchRequest } from '../launch/LaunchRequest.js';
import { type LaunchProfile, launchTagsFor } from '../launch/launchChecks.js';
import { launchStepRunner } from '../launch/launchStepRunner.js';
import type { AuditedOverride } from '../launch/launchWorkstation.js';
import { toTagValue, validateTagValue, validateWorkstationName } from '../launch/validateLaunchNames.js';
import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import {
  type CloudAccount,
  type Instance,
  type ResourceTags,
  type StudioApp,
  type StudioDomain,
  type StudioSpace,
  type StudioStatus,
  TAG,
} from '../ports.js';
import { templatePolicyFacts } from '../templates/templatePolicyFacts.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import type { Workstation } from '../workstations/Workstation.js';
import { CANVAS_INSTANCE_TYPE, CANVAS_SESSION_HOURLY_USD } from './canvasPricing.js';
import type { Service, ServiceEndpoint, ServiceLaunchResult } from './Service.js';
import type { ServiceHealth } from './ServiceHealth.js';
import type { ManagedServiceKind } from './ServiceKind.js';
import { STUDIO_DOMAIN_NAME, studioSpaceName, studioUserProfileName } from './sageMakerNames.js';
import { unsupportedOperation, unsupportedOperationError } from './serviceOperations.js';
import {
  currentAppOfSpace,
  isLiveApp,
  workstationFromCanvasApp,
  workstationFromSpace,
} from './studioRows.js';
import { DEFAULT_STUDIO_POLLING, type StudioPolling, waitForStudioStatus } from './waitForStudioStatus.js';

export interface SageMakerServiceContext {
  account: CloudAccount;
  profile: LaunchProfile;
  /** The AWS principal launching (cws:owner). */
  owner(): Promise<string>;
  researchUser(): Promise<ResearchUser>;
  prices: PriceCatalog;
  /** Records an admin's override of a denying policy, as the EC2 pipeline does. */
  audit(event: AuditedOverride): Promise<void>;
  /** An execution role an admin chose for the domain; otherwise the adapter provides one. */
  executionRoleArn?: string;
  polling?: StudioPolling;
  now?: () => Date;
}

const DEFAULT_STUDIO_INSTANCE_TYPE = 'ml.t3.medium';
const DEFAULT_IDLE_TIMEOUT_MINUTES = 60;

/** What one listing of a region found: the rows and where they came from, for the operations. */
interface StudioView {
  domain: StudioDomain;
  spaces: StudioSpace[];
  apps: StudioApp[];
}

/**
 * SageMaker Studio (a JupyterLab or Code Editor space per launch) and Canvas (a Canvas app on the
 * research user's profile) in the app's domain. Its launch runs the same policy check as EC2, with
 * service type `sagemaker`, the `ml.*` type and its price, and emits the same progress events.
 */
export class SageMakerService implements Service {
  readonly kinds = ['sagemaker-studio', 'sagemaker-canvas'] as const;
  private readonly context: SageMakerServiceContext;
  private readonly polling: StudioPolling;
  private readonly now: () => Date;

  constructor(context: SageMakerServiceContext) {
    this.context = context;
    this.polling = context.polling ?? DEFAULT_STUDIO_POLLING;
    this.now = context.now ?? (() => new Date());
  }

  private get studio() {
    return this.context.account.studio;
  }

  async launch(
    request: LaunchRequest,
    template: ResolvedTemplate,
    onProgress: (progress: LaunchProgress) => void,
  ): Promise<ServiceLaunchResult> {
    const steps = launchStepRunner(onProgress, this.now);
    const region = request.region ?? this.context.account.defaultRegion;
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
    const idleTimeout = config.idle_timeout_minutes ?? DEFAULT_IDLE_TIMEOUT_MINUTES;

    const { instanceType, hourly } = await steps.run('estimate-cost', async () => {
      const type = canvas ? CANVAS_INSTANCE_TYPE : this.studioInstanceType(request, template);
      const price = canvas
        ? CANVAS_SESSION_HOURLY_USD
        : this.context.prices.instanceHourly(type, region)?.usd_per_hour;
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

    const researchUser = await this.context.researchUser();
    const owner = await this.context.owner();
    const profileName = studioUserProfileName(researchUser.username);
    const launchTags = launchTagsFor(request, this.context.profile);

    const { verdict, existing } = await steps.run('check-policy', async () => {
      const rows = await this.list([region]);
      const live = rows.filter((row) => row.state !== 'terminated');
      const workstations = await this.liveWorkstations();
      const clash = workstations.find((instance) => instance.name === request.name);
      if (clash) {
        throw new LaunchError(
          'check-policy',
          `a workstation named '${request.name}' already exists (${clash.id}, ${clash.state})`,
          'Choose another name: names are unique among workstations and services.',
        );
      }
      const sameName = live.find((row) => row.name === request.name);
      const reusable =
        sameName &&
        sameName.kind === kind &&
        sameName.template === template.slug &&
        sameName.research_user === researchUser.username;
      if (sameName && !reusable) {
        throw new LaunchError(
          'check-policy',
          `a service named '${request.name}' already exists (${sameName.kind}, ${sameName.state})`,
          'Choose another name, or terminate the existing one first.',
        );
      }
      if (canvas) {
        const ownCanvas = live.find(
          (row) => row.kind === 'sagemaker-canvas' && row.research_user === researchUser.username,
        );
        if (ownCanvas && ownCanvas.name !== request.name) {
          throw new LaunchError(
            'check-policy',
            `${researchUser.username} already has a Canvas app ('${ownCanvas.name}', ${ownCanvas.state}): SageMaker allows one per user profile`,
            `Connect to '${ownCanvas.name}' instead, or terminate it first.`,
          );
        }
      }
      const result = evaluatePolicy(
        this.context.profile.policy,
        {
          template_slug: template.slug,
          instance_type: instanceType,
          region,
          spot: false,
          hibernation: false,
          service_type: 'sagemaker',
          root_volume_gb: 0,
          tags: launchTags,
          ...templatePolicyFacts(template),
        },
        {
          ...(canvas ? {} : { instance_type_info: sageMakerTypeInfo(instanceType) }),
          hourly_cost: hourly,
          // One count across kinds: the policy's per-user limit covers workstations and services.
          running_count_for_user:
            live.filter(
              (row) =>
                row.research_user === researchUser.username &&
                (row.state === 'running' || row.state === 'pending'),
            ).length +
            workstations.filter(
              (instance) =>
                instance.tags[TAG.researchUser] === researchUser.username &&
                (instance.state === 'running' || instance.state === 'pending'),
            ).length,
          candidate_instance_types: listInstanceTypes(),
          candidate_hourly_cost: (type) =>
            this.context.prices.instanceHourly(`ml.${type}`, region)?.usd_per_hour,
        },
      );
      if (!result.allowed) {
        if (!request.override_reason) throw new LaunchDeniedError(result);
        if (this.context.profile.role !== 'admin') {
          throw new LaunchError('check-policy', 'only a profile with the admin role can override the policy');
        }
        // The same audit record as an EC2 override; the service's row id stands in for a launch id.
        await this.context.audit({
          action: 'policy-override',
          profile: this.context.profile.name,
          owner,
          template: template.slug,
          instance_type: instanceType,
          reason: request.override_reason,
          violations: result.violations.map((violation) => violation.message),
          launch_id: `sagemaker:${region}/${studioSpaceName(request.name)}`,
        });
      }
      const detail = result.allowed
        ? (result.notes[0] ?? `allowed (${result.checked.length} rules checked)`)
        : `denied, overridden by an admin: ${request.override_reason}`;
      return [{ verdict: result, existing: reusable ? sameName : undefined }, detail];
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
      [TAG.profile]: this.context.profile.name,
      [TAG.name]: request.name,
    };

    const domain = await steps.run('ensure-domain', async () => {
      const found = await this.studio.ensureDomain(region, {
        name: STUDIO_DOMAIN_NAME,
        tags: { [TAG.managed]: 'true', [TAG.owner]: owner },
        ...(this.context.executionRoleArn ? { execution_role_arn: this.context.executionRoleArn } : {}),
      });
      const ready = await this.waitFor(
        'ensure-domain',
        `the domain ${found.id}`,
        async () => (await this.studio.listDomains(region)).find((d) => d.id === found.id),
        ['InService'],
      );
      return [ready ?? found, `${found.name} (${found.id})`];
    });

    await steps.run('ensure-user-profile', async () => {
      await this.studio.ensureUserProfile(region, domain.id, profileName, {
        [TAG.managed]: 'true',
        [TAG.researchUser]: researchUser.username,
      });
      await this.waitFor(
        'ensure-user-profile',
        `the user profile ${profileName}`,
        async () =>
          (await this.studio.listUserProfiles(region, domain.id)).find((p) => p.name === profileName),
        ['InService'],
      );
      return [undefined, profileName];
    });

    const spaceName = studioSpaceName(request.name);
    if (config.kind === 'sagemaker-studio') {
      const studioAppType = config.app_type ?? 'JupyterLab';
      await steps.run('create-space', async () => {
        await this.studio.ensureSpace(region, {
          domain_id: domain.id,
          name: spaceName,
          owner_profile: profileName,
          app_type: studioAppType,
          instance_type: instanceType,
          idle_timeout_minutes: idleTimeout,
          tags,
        });
        await this.waitFor(
          'create-space',
          `the space ${spaceName}`,
          async () => (await this.studio.listSpaces(region, domain.id)).find((s) => s.name === spaceName),
          ['InService'],
        );
        return [undefined, `${spaceName} (${studioAppType}, idle shutdown after ${idleTimeout} min)`];
      });
    } else {
      steps.skip('create-space', 'Canvas runs on the user profile, without a space');
    }

    const owned = canvas ? { profile: profileName } : { space: spaceName };
    const appOf = async (): Promise<StudioApp | undefined> =>
      (await this.studio.listApps(region, domain.id))
        .filter((app) => app.type === appType && sameOwner(app.owner, owned))
        .sort((a, b) => b.created_at.localeCompare(a.created_at))
        .find(isLiveApp);

    const resumed = await steps.run('create-app', async () => {
      const live = await appOf();
      if (live) return [true, `${appType} app already ${live.status}`];
      const created = await this.studio.createApp(region, {
        domain_id: domain.id,
        type: appType,
        owner: owned,
        instance_type: canvas ? 'system' : instanceType,
        tags,
      });
      return [false, `${appType} app ${created.name} on ${canvas ? 'the Canvas workspace' : instanceType}`];
    });

    await steps.run('wait-in-service', async () => {
      await this.waitFor('wait-in-service', `the ${appType} app`, appOf, ['InService']);
      return [undefined, `${appType} in service`];
    });

    const workstation = (await this.list([region])).find(
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

  async list(regions: readonly string[]): Promise<Workstation[]> {
    const views = await Promise.all(regions.map((region) => this.view(region)));
    return views.flatMap((view, index) => {
      const region = regions[index] ?? '';
      return view.flatMap(({ spaces, apps }) => [
        ...spaces
          .filter((space) => space.tags[TAG.managed] === 'true')
          .map((space) => this.priced(workstationFromSpace(space, currentAppOfSpace(space, apps), region))),
        ...latestCanvasApps(apps)
          .filter((app) => app.tags[TAG.managed] === 'true')
          .map((app) => this.priced(workstationFromCanvasApp(app, region))),
      ]);
    });
  }

  async status(row: Workstation): Promise<Workstation | undefined> {
    const rows = await this.list([row.region]);
    // A space that SageMaker no longer lists has been deleted: its row ends as terminated.
    return rows.find((candidate) => candidate.id === row.id) ?? { ...row, state: 'terminated' };
  }

  async health(row: Workstation): Promise<ServiceHealth> {
    const found = await this.locate(row);
    const app = found?.app;
    if (!app || app.status === 'Deleted') return { status: 'stopped', detail: 'no app is running' };
    switch (app.status) {
      case 'InService':
        return { status: 'healthy', detail: `${app.type} app in service` };
      case 'Pending':
        return { status: 'starting', detail: `${app.type} app starting` };
      case 'Deleting':
        return { status: 'stopped', detail: `${app.type} app being deleted` };
      default:
        return {
          status: 'unhealthy',
          detail: `${app.type} app ${app.status}: ${app.failure_reason ?? 'no reason given'}`,
        };
    }
  }

  async start(row: Workstation): Promise<void> {
    this.refuse(row, 'start');
    const found = await this.requireLocated(row);
    if (!found.space) throw new CloudError(notFound(row));
    if (found.app && isLiveApp(found.app)) return;
    await this.studio.createApp(row.region, {
      domain_id: found.domain.id,
      type: found.space.app_type,
      owner: { space: found.space.name },
      instance_type: found.space.instance_type,
      tags: found.space.tags,
    });
  }

  async stop(row: Workstation): Promise<void> {
    this.refuse(row, 'stop');
    const found = await this.requireLocated(row);
    if (found.app && isLiveApp(found.app)) await this.studio.deleteApp(row.region, found.app);
  }

  /** Deletes the app, waits until it is gone, then (for Studio) deletes the space. */
  async delete(row: Workstation): Promise<void> {
    const found = await this.requireLocated(row);
    const app = found.app;
    if (app && isLiveApp(app)) {
      await this.studio.deleteApp(row.region, app);
      await this.waitForCleanup(`the ${app.type} app of ${row.name}`, async () =>
        (await this.studio.listApps(row.region, found.domain.id)).find(
          (candidate) =>
            candidate.name === app.name &&
            sameOwner(candidate.owner, app.owner) &&
            candidate.created_at === app.created_at,
        ),
      );
    }
    if (found.space) {
      const spaceName = found.space.name;
      await this.studio.deleteSpace(row.region, found.domain.id, spaceName);
    }
  }

  async connection(row: Workstation): Promise<ServiceEndpoint> {
    const found = await this.requireLocated(row);
    if (found.app?.status !== 'InService') {
      throw new CloudError({
        kind: 'conflict',
        code: 'AppNotInService',
        message: `${row.name} is ${row.state}: its app is not in service`,
        hint: row.kind === 'sagemaker-canvas' ? 'Launch it again.' : 'Start it first, then connect.',
      });
    }
    const signed = await this.studio.presignedUrl(row.region, {
      domain_id: found.domain.id,
      profile: found.profile,
      ...(found.space ? { space: found.space.name } : { landing: 'canvas' as const }),
    });
    return {
      url: signed.url,
      expires_at: signed.expires_at,
      note: 'The sign-in link works once.',
    };
  }

  hourlyCost(row: Workstation): number | undefined {
    if (row.kind === 'sagemaker-canvas') return CANVAS_SESSION_HOURLY_USD;
    return this.context.prices.instanceHourly(row.instance_type, row.region)?.usd_per_hour;
  }

  /** The profile's EC2 workstations that are not gone, in every region of the account. */
  private async liveWorkstations(): Promise<Instance[]> {
    const { items } = await this.context.account.compute.listInstances({
      regions: this.context.account.regions,
      tags: { [TAG.managed]: 'true', [TAG.profile]: this.context.profile.name },
    });
    return items.filter((instance) => instance.state !== 'terminated' && instance.state !== 'shutting-down');
  }

  private priced(row: Workstation): Workstation {
    const hourly = this.hourlyCost(row);
    return hourly === undefined ? row : { ...row, hourly_cost: hourly };
  }

  private async view(region: string): Promise<StudioView[]> {
    const domains = (await this.studio.listDomains(region)).filter(
      (domain) => domain.name === STUDIO_DOMAIN_NAME && domain.status !== 'Deleted',
    );
    return Promise.all(
      domains.map(async (domain) => {
        if (domain.status !== 'InService' && domain.status !== 'Updating')
          return { domain, spaces: [], apps: [] };
        const [spaces, apps] = await Promise.all([
          this.studio.listSpaces(region, domain.id),
          this.studio.listApps(region, domain.id),
        ]);
        return { domain, spaces, apps };
      }),
    );
  }

  private async locate(
    row: Workstation,
  ): Promise<{ domain: StudioDomain; profile: string; space?: StudioSpace; app?: StudioApp } | undefined> {
    const [domainId, what, name] = row.id.split('/');
    const view = (await this.view(row.region)).find((candidate) => candidate.domain.id === domainId);
    if (!view || !name) return undefined;
    if (what === 'space') {
      const space = view.spaces.find((candidate) => candidate.name === name);
      if (!space) return undefined;
      const app = currentAppOfSpace(space, view.apps);
      return { domain: view.domain, profile: space.owner_profile, space, ...(app ? { app } : {}) };
    }
    const app = latestCanvasApps(view.apps).find((candidate) =>
      sameOwner(candidate.owner, { profile: name }),
    );
    return { domain: view.domain, profile: name, ...(app ? { app } : {}) };
  }

  private async requireLocated(row: Workstation) {
    const found = await this.locate(row);
    if (!found) throw new CloudError(notFound(row));
    return found;
  }

  private refuse(row: Workstation, operation: 'start' | 'stop'): void {
    if (unsupportedOperation(row.kind, operation)) throw unsupportedOperationError(row.kind, operation);
  }

  private studioInstanceType(request: LaunchRequest, template: ResolvedTemplate): string {
    const fromSize = request.size ? template.sizes?.[request.size] : undefined;
    if (request.size && !fromSize) {
      const sizes = Object.keys(template.sizes ?? {});
      throw new LaunchError(
        'estimate-cost',
        `${template.slug} has no size '${request.size}'${sizes.length > 0 ? ` (sizes: ${sizes.join(', ')})` : ''}`,
      );
    }
    const serviceType =
      template.service_config?.kind === 'sagemaker-studio'
        ? template.service_config.instance_type
        : undefined;
    const type =
      request.instance_type ??
      fromSize ??
      serviceType ??
      template.instance_defaults?.type ??
      DEFAULT_STUDIO_INSTANCE_TYPE;
    if (!type.startsWith('ml.')) {
      throw new LaunchError(
        'estimate-cost',
        `'${type}' is not a SageMaker instance type`,
        'SageMaker types start with ml., e.g. ml.t3.medium.',
      );
    }
    return type;
  }

  private async waitFor<T extends { status: StudioStatus; failure_reason?: string }>(
    step: 'ensure-domain' | 'ensure-user-profile' | 'create-space' | 'wait-in-service',
    what: string,
    probe: () => Promise<T | undefined>,
    wanted: StudioStatus[],
  ): Promise<T | undefined> {
    const result = await waitForStudioStatus(probe, wanted, this.polling);
    if (result.outcome === 'reached') return result.value;
    if (result.outcome === 'failed') {
      throw new LaunchError(
        step,
        `${what} is ${result.value.status}: ${result.reason}`,
        step === 'ensure-domain'
          ? 'Delete the failed domain in the SageMaker console (or `cws-tui services cleanup --domain`), then launch again.'
          : 'See the SageMaker console for details, then launch again.',
      );
    }
    throw new LaunchError(
      step,
      `${what} is still ${result.status} after ${Math.round(this.polling.timeoutMs / 60_000)} min`,
      'It may still finish: launch again with the same name to keep waiting.',
    );
  }

  private async waitForCleanup<T extends { status: StudioStatus; failure_reason?: string }>(
    what: string,
    probe: () => Promise<T | undefined>,
  ): Promise<void> {
    const result = await waitForStudioStatus(probe, ['gone'], this.polling);
    if (result.outcome === 'failed') {
      throw new CloudError({
        kind: 'conflict',
        code: 'DeleteFailed',
        message: `${what} could not be deleted: ${result.reason}`,
        hint: 'See the SageMaker console, then retry.',
      });
    }
    if (result.outcome === 'timeout') {
      throw new CloudError({
        kind: 'conflict',
        code: 'DeleteTimeout',
        message: `${what} is still ${result.status} after ${Math.round(this.polling.timeoutMs / 60_000)} min`,
        hint: 'Retry in a while.',
        retryable: true,
      });
    }
  }
}

/** An `ml.*` type has the hardware of the EC2 type of the same name. */
function sageMakerTypeInfo(instanceType: string) {
  return findInstanceType(instanceType.replace(/^ml\./, ''));
}

function sameOwner(a: StudioApp['owner'], b: StudioApp['owner']): boolean {
  return 'space' in a ? 'space' in b && a.space === b.space : 'profile' in b && a.profile === b.profile;
}

/** Canvas apps, the newest per user profile (SageMaker keeps deleted ones listed for a while). */
function latestCanvasApps(apps: readonly StudioApp[]): StudioApp[] {
  const latest = new Map<string, StudioApp>();
  for (const app of apps) {
    if (app.type !== 'Canvas' || !('profile' in app.owner)) continue;
    const seen = latest.get(app.owner.profile);
    if (
      !seen ||
      (isLiveApp(app) && !isLiveApp(seen)) ||
      (isLiveApp(app) === isLiveApp(seen) && app.created_at > seen.created_at)
    ) {
      latest.set(app.owner.profile, app);
    }
  }
  return [...latest.values()];
}

function notFound(row: Workstation) {
  return {
    kind: 'not-found' as const,
    code: 'ResourceNotFound',
    message: `${row.name} (${row.id}) no longer exists in ${row.region}`,
    hint: 'It may have been deleted: refresh the list.',
  };
}
