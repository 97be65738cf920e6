import { CloudError } from '../CloudError.js';
import { hourlyRateInState } from '../cost/AccrualRates.js';
import type { InstanceCostResource } from '../cost/CostResource.js';
import { resourceRates } from '../cost/resourceRates.js';
import type { LaunchProgress } from '../launch/LaunchProgress.js';
import type { LaunchRequest } from '../launch/LaunchRequest.js';
import {
  type Instance,
  type StudioApp,
  type StudioDomain,
  type StudioSpace,
  type StudioStatus,
  TAG,
} from '../ports.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import type { Workstation } from '../workstations/Workstation.js';
import { CANVAS_SESSION_HOURLY_USD } from './canvasPricing.js';
import type { SageMakerServiceContext } from './SageMakerServiceContext.js';
import type { Service, ServiceEndpoint, ServiceLaunchResult } from './Service.js';
import type { ServiceHealth } from './ServiceHealth.js';
import { STUDIO_DOMAIN_NAME } from './sageMakerNames.js';
import { unsupportedOperation, unsupportedOperationError } from './serviceOperations.js';
import { latestCanvasApps, sameOwner } from './studioAppSelection.js';
import { appCostResource, billedAppOfSpace, isBilledApp, spaceCostResource } from './studioCostResource.js';
import {
  currentAppOfSpace,
  isLiveApp,
  workstationFromCanvasApp,
  workstationFromSpace,
} from './studioRows.js';
import { DEFAULT_STUDIO_POLLING, type StudioPolling, waitForStudioStatus } from './waitForStudioStatus.js';

export type { SageMakerServiceContext } from './SageMakerServiceContext.js';

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
    // The launch checks are loaded for a launch only: listing the apps never needs them.
    const { launchSageMakerService } = await import('./launchSageMakerService.js');
    return launchSageMakerService(
      {
        context: this.context,
        polling: this.polling,
        now: this.now,
        list: (regions) => this.list(regions),
        liveWorkstations: () => this.liveWorkstations(),
      },
      request,
      template,
      onProgress,
    );
  }

  async list(regions: readonly string[]): Promise<Workstation[]> {
    const views = await Promise.all(regions.map((region) => this.view(region)));
    return views.flatMap((view, index) => {
      const region = regions[index] ?? '';
      return view.flatMap(({ spaces, apps }) => [
        ...spaces
          .filter((space) => space.tags[TAG.managed] === 'true')
          .map((space) =>
            this.priced(
              workstationFromSpace(space, currentAppOfSpace(space, apps), region),
              spaceCostResource(space, billedAppOfSpace(space, apps), region),
            ),
          ),
        ...latestCanvasApps(apps)
          .filter((app) => app.tags[TAG.managed] === 'true')
          .map((app) =>
            this.priced(
              workstationFromCanvasApp(app, region),
              isBilledApp(app) ? appCostResource(app, region) : undefined,
            ),
          ),
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
      // The app the row runs, never the domain's default experience (see CreatePresignedDomainUrl).
      ...(found.space
        ? { space: found.space.name, landing: found.space.app_type }
        : { landing: 'Canvas' as const }),
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

  /**
   * A row priced in its current state from the same cost resource the cost report accrues: a
   * stopped space costs its volume alone, a Canvas app that is gone costs nothing.
   */
  private priced(row: Workstation, resource: InstanceCostResource | undefined): Workstation {
    if (!resource) return { ...row, hourly_cost: 0 };
    const { rates } = resourceRates(resource, this.context.prices, {});
    return { ...row, hourly_cost: hourlyRateInState(resource.transitions.at(-1)?.state ?? 'stopped', rates) };
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

function notFound(row: Workstation) {
  return {
    kind: 'not-found' as const,
    code: 'ResourceNotFound',
    message: `${row.name} (${row.id}) no longer exists in ${row.region}`,
    hint: 'It may have been deleted: refresh the list.',
  };
}
