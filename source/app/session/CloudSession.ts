import type { ConnectionPlan } from '../../core/connect/ConnectionPlan.js';
import type { ConnectionOptions } from '../../core/connect/connectionPlanFor.js';
import { withDiscounts } from '../../core/cost/discounts.js';
import type { LoadedCostReport } from '../../core/cost/loadCostReport.js';
import type { PriceCatalog } from '../../core/cost/PriceCatalog.js';
import type { ResearchUser } from '../../core/identity/ResearchUser.js';
import type { LaunchProgress } from '../../core/launch/LaunchProgress.js';
import { LaunchRecordStore } from '../../core/launch/LaunchRecordStore.js';
import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import type { LaunchProfile } from '../../core/launch/launchChecks.js';
import { retaggedInstances } from '../../core/launch/ownershipTampering.js';
import type { OperationsContext } from '../../core/operations/OperationsContext.js';
import { lazyPort } from '../../core/ports/lazyPort.js';
import type { CallerIdentity, CloudAccount } from '../../core/ports.js';
import { TAG } from '../../core/ports.js';
import type { StudioCleanupOptions, StudioCleanupResult } from '../../core/services/cleanupStudio.js';
import type { Service, ServiceLaunchResult } from '../../core/services/Service.js';
import type { ServiceHealth } from '../../core/services/ServiceHealth.js';
import { isManagedServiceKind, serviceKindOf } from '../../core/services/ServiceKind.js';
import type { StudioLabLaunchRequest } from '../../core/services/StudioLabService.js';
import type { TemplateRegistry } from '../../core/templates/TemplateRegistry.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import { templateSearchPath } from '../../core/templates/templateSearchPath.js';
import { SharedInstanceListing } from '../../core/workstations/SharedInstanceListing.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import type { CloudSessionOptions } from './CloudSessionOptions.js';
import { ec2ServiceHealth } from './ec2ServiceHealth.js';
import type { LaunchFacts } from './gatherLaunchFacts.js';
import type { LaunchChoices } from './launchChoices.js';
import type { StorageListing } from './listStorage.js';
import type { SessionCostRequest } from './loadSessionCostReport.js';
import type { MarketplaceSession } from './MarketplaceSession.js';
import type { LaunchPreview } from './previewLaunch.js';
import type { Session, SessionInfo, SessionLaunchResult } from './Session.js';
import { SessionDirectory } from './SessionDirectory.js';
import { type ManagedServices, SessionServices } from './SessionServices.js';
import {
  type LifecycleSource,
  startInSession,
  stopInSession,
  terminateInSession,
} from './sessionLifecycle.js';
import { sessionOperationsContext } from './sessionOperationsContext.js';
import { WorkstationRows } from './WorkstationRows.js';

export type { CloudSessionOptions } from './CloudSessionOptions.js';

/** A session on one cloud account (AWS or the demo account) for one profile. */
export class CloudSession extends SessionDirectory implements Session {
  readonly info: SessionInfo;
  readonly account: CloudAccount;
  readonly profile: LaunchProfile;
  private readonly options: CloudSessionOptions;
  private identity: Promise<CallerIdentity> | undefined;
  private registry: Promise<TemplateRegistry> | undefined;
  /** RunInstances is checked with DryRun before the first launch of a session only. */
  private launchPermissionChecked = false;
  /** The prices every view shows: the session's catalog with the institution's discounts. */
  private readonly shownPrices: PriceCatalog;
  private readonly listing: SharedInstanceListing;
  private readonly rows: WorkstationRows;
  private readonly managed: SessionServices;

  // Everything below that only some commands and keys use is imported on first use: a cold `list`
  // loads neither templates, provisioning, the cost report nor the marketplace.
  marketplace(): MarketplaceSession {
    return lazyPort(async () => {
      const { marketplaceSession } = await import('./MarketplaceSession.js');
      const { defaultResearchUsername } = await import('./defaultResearchUsername.js');
      return marketplaceSession({
        env: this.options.env,
        demo: this.account.kind === 'demo',
        researchUser: this.info.research_user ?? defaultResearchUsername(this.options.env),
        ...(this.profile.policy.templates?.approvers
          ? { policyApprovers: this.profile.policy.templates.approvers }
          : {}),
      });
    }, {});
  }

  constructor(given: CloudSessionOptions) {
    super();
    // The dashboard, the cost report and the services read one listing per refresh, not one each.
    const compute = new SharedInstanceListing(given.account.compute, 0);
    this.listing = compute;
    const instanceChanges = compute.watching(given.account.instanceChanges);
    const options = { ...given, account: { ...given.account, compute, instanceChanges } };
    this.options = options;
    this.shownPrices = withDiscounts(options.prices, options.discounts ?? {});
    this.info = options.info;
    this.account = options.account;
    this.profile = options.profile;
    this.rows = new WorkstationRows(this.shownPrices, options.discounts ?? {}, options.spotPrices);
    this.managed = new SessionServices({
      ...options,
      prices: this.shownPrices,
      callerIdentity: () => this.callerIdentity(),
      researchUser: async () => this.researchUser(await this.callerIdentity()),
    });
  }

  callerIdentity(): Promise<CallerIdentity> {
    if (!this.identity) {
      const pending = this.account.identity.callerIdentity();
      this.identity = pending;
      pending.catch(() => {
        if (this.identity === pending) this.identity = undefined;
      });
    }
    return this.identity;
  }

  shareListings(maxAgeMs: number): void {
    this.listing.maxAgeMs = maxAgeMs;
  }

  async listWorkstations(): Promise<Workstation[]> {
    const [{ items }, services] = await Promise.all([
      this.account.compute.listInstances({
        regions: this.info.regions,
        tags: { [TAG.managed]: 'true' },
      }),
      this.managed.list(this.info),
    ]);
    const records = await new LaunchRecordStore(this.options.paths.stateDir).list();
    const all = [...items, ...(await retaggedInstances(this.account.compute, records, items))];
    return [...(await this.rows.all(all, records)), ...services];
  }

  async refreshWorkstation(workstation: Workstation): Promise<Workstation | undefined> {
    const service = this.serviceOf(workstation);
    if (service) return service.status(workstation);
    const { items } = await this.account.compute.listInstances({
      regions: [workstation.region],
      ids: [workstation.id],
    });
    const instance = items[0];
    return instance ? this.rows.one(instance) : undefined;
  }

  async startWorkstation(workstation: Workstation): Promise<void> {
    return startInSession(this.lifecycle(), workstation);
  }

  async stopWorkstation(workstation: Workstation, options: { hibernate: boolean }): Promise<void> {
    return stopInSession(this.lifecycle(), workstation, options);
  }

  async terminateWorkstation(workstation: Workstation): Promise<void> {
    return terminateInSession(this.lifecycle(), workstation);
  }

  private lifecycle(): LifecycleSource {
    return { options: this.current(), serviceOf: (workstation) => this.serviceOf(workstation) };
  }

  async launchService(
    request: StudioLabLaunchRequest,
    onProgress: (progress: LaunchProgress) => void = () => {},
  ): Promise<ServiceLaunchResult> {
    const template = await this.resolveTemplate(request.template);
    const kind = serviceKindOf(template);
    if (isManagedServiceKind(kind)) {
      const { sageMaker, studioLab } = this.services();
      return (kind === 'studio-lab' ? studioLab : sageMaker).launch(request, template, onProgress);
    }
    const result = await this.launch(request, onProgress);
    return {
      workstation: result.workstation,
      template: result.template,
      hourly_cost: result.estimate.hourly,
      verdict: result.verdict,
      resumed: result.resumed,
    };
  }

  async serviceHealth(workstation: Workstation): Promise<ServiceHealth> {
    const service = this.serviceOf(workstation);
    if (service) return service.health(workstation);
    return ec2ServiceHealth(workstation);
  }

  async connectionPlan(workstation: Workstation, options: ConnectionOptions = {}): Promise<ConnectionPlan> {
    const { sessionConnectionPlan } = await import('./sessionConnectionPlan.js');
    return sessionConnectionPlan(this.source(), workstation, options);
  }

  async cleanupServices(
    options: StudioCleanupOptions,
  ): Promise<Array<StudioCleanupResult & { region: string }>> {
    const { cleanupSessionServices } = await import('./cleanupSessionServices.js');
    return cleanupSessionServices(this.current(), options);
  }

  private services(): ManagedServices {
    return this.managed.all();
  }

  private serviceOf(workstation: Workstation): Service | undefined {
    return this.managed.of(workstation);
  }

  /**
   * The options as this session sees them: a session derived from this one (a test's, or a view
   * with another profile) may override `profile`, `info` or `account`, and the helpers must use those.
   */
  protected get sessionOptions(): CloudSessionOptions {
    return this.current();
  }

  private current(): CloudSessionOptions {
    return { ...this.options, profile: this.profile, info: this.info, account: this.account };
  }

  private source() {
    return {
      options: this.current(),
      templates: () => this.templates(),
      callerIdentity: () => this.callerIdentity(),
      researchUser: (identity: CallerIdentity) => this.researchUser(identity),
      costReport: (request: SessionCostRequest) => this.costReport(request),
      resolveTemplate: (slug: string) => this.resolveTemplate(slug),
      serviceOf: (workstation: Workstation) => this.serviceOf(workstation),
    };
  }

  async costReport(request: SessionCostRequest): Promise<LoadedCostReport> {
    const { costLedgerKey } = await import('./costLedgerKey.js');
    const { loadSessionCostReport } = await import('./loadSessionCostReport.js');
    const ledgerKey = await costLedgerKey(this.options.paths, this.info, () => this.callerIdentity());
    return loadSessionCostReport({ ...this.options, info: this.info, ledgerKey }, request);
  }

  async listStorage(): Promise<StorageListing> {
    const { listStorage } = await import('./listStorage.js');
    return listStorage(this.account, this.info.regions);
  }

  templates(): Promise<TemplateRegistry> {
    this.registry ??= import('../../core/templates/loadTemplateRegistry.js').then(
      ({ loadTemplateRegistry }) =>
        loadTemplateRegistry({ searchPath: templateSearchPath(this.options.env, this.options.paths) }),
    );
    return this.registry;
  }

  async resolveTemplate(slugOrName: string): Promise<ResolvedTemplate> {
    const { resolveTemplate } = await import('../../core/templates/resolveTemplate.js');
    return resolveTemplate(slugOrName, await this.templates());
  }

  async launchChoices(template: string): Promise<LaunchChoices> {
    const resolved = await this.resolveTemplate(template);
    const region = this.account.defaultRegion;
    const fileSystems = resolved.service_config ? [] : await this.account.storage.listFileSystems([region]);
    const { regionStoragePrices } = await import('../../core/fsx/regionStoragePrices.js');
    const storagePrices = resolved.storage && (await regionStoragePrices(this.account.storagePrices, region));
    const { launchChoices } = await import('./launchChoices.js');
    return launchChoices(resolved, region, this.shownPrices, fileSystems, storagePrices);
  }

  async previewLaunch(request: LaunchRequest): Promise<LaunchPreview> {
    const { check, registry, blocked } = await this.launchFacts();
    const { previewLaunch } = await import('./previewLaunch.js');
    const { resolveTemplate } = await import('../../core/templates/resolveTemplate.js');
    const { renderUserData } = await import('../../core/provisioning/renderUserData.js');
    return previewLaunch(request, {
      ...check,
      resolveTemplate: (reference) => resolveTemplate(reference, registry),
      renderUserData,
      ...(blocked ? { blocked } : {}),
      costReport: () => this.costReport({ fireAlerts: false }),
      ...(this.options.budget ? { budget: this.options.budget } : {}),
      now: new Date(),
    });
  }

  operationsContext(): OperationsContext {
    return sessionOperationsContext(this.current(), this.shownPrices, async () =>
      this.researchUser(await this.callerIdentity()),
    );
  }

  async launch(
    request: LaunchRequest,
    onProgress?: (progress: LaunchProgress) => void,
  ): Promise<SessionLaunchResult> {
    const { launchInSession } = await import('./launchInSession.js');
    const result = await launchInSession(this.source(), request, onProgress, !this.launchPermissionChecked);
    this.launchPermissionChecked = true;
    return { ...result, workstation: await this.rows.one(result.instance) };
  }

  private async launchFacts(): Promise<LaunchFacts> {
    const { gatherLaunchFacts } = await import('./gatherLaunchFacts.js');
    return gatherLaunchFacts(this.source());
  }

  private async researchUser(identity: CallerIdentity): Promise<ResearchUser> {
    const { ensureResearchUser } = await import('./ensureResearchUser.js');
    return ensureResearchUser(this.current(), identity);
  }
}
