import { join } from 'node:path';
import { appendAuditEvent } from '../../core/audit/appendAuditEvent.js';
import { CloudError } from '../../core/CloudError.js';
import type { ConnectionPlan } from '../../core/connect/ConnectionPlan.js';
import { type ConnectionOptions, connectionPlanFor } from '../../core/connect/connectionPlanFor.js';
import { findOnPath } from '../../core/connect/findOnPath.js';
import { hourlyRateInState } from '../../core/cost/AccrualRates.js';
import type { Budget } from '../../core/cost/Budget.js';
import { BudgetAlertStore, budgetAlertFile } from '../../core/cost/BudgetAlertStore.js';
import { type BudgetActionStep, budgetActionPlan } from '../../core/cost/budgetActionPlan.js';
import { costResourceFromInstance } from '../../core/cost/CostResource.js';
import type { CostReportItem } from '../../core/cost/costReport.js';
import { type Discounts, withDiscounts } from '../../core/cost/discounts.js';
import type { BudgetAlert } from '../../core/cost/evaluateBudget.js';
import type { BilledSpendResult } from '../../core/cost/loadBilledSpend.js';
import type { CostReportRequest, LoadedCostReport } from '../../core/cost/loadCostReport.js';
import type { PriceCatalog } from '../../core/cost/PriceCatalog.js';
import type { PriceQuote } from '../../core/cost/PriceQuote.js';
import { resourceRates } from '../../core/cost/resourceRates.js';
import type { SpotPriceSource } from '../../core/cost/SpotPriceSource.js';
import { spotQuoteKey, spotQuotesFor } from '../../core/cost/spotQuotesFor.js';
import { HOUR_MS, type TimeWindow } from '../../core/cost/TimeWindow.js';
import { zonedMonthKey } from '../../core/cost/zonedCalendar.js';
import type { AcceptedInvitation } from '../../core/identity/acceptInvitation.js';
import {
  type CreatedResearchUser,
  type CreateResearchUserRequest,
  createResearchUser,
} from '../../core/identity/createResearchUser.js';
import type { ResearchUser } from '../../core/identity/ResearchUser.js';
import type { ResearchUserStore } from '../../core/identity/ResearchUserStore.js';
import { ResearchUserStoreError } from '../../core/identity/ResearchUserStoreError.js';
import { LaunchError } from '../../core/launch/LaunchError.js';
import type { LaunchProgress } from '../../core/launch/LaunchProgress.js';
import { LaunchRecordStore } from '../../core/launch/LaunchRecordStore.js';
import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import type { LaunchCheckContext, LaunchProfile } from '../../core/launch/launchChecks.js';
import { type AuditedOverride, launchWorkstation } from '../../core/launch/launchWorkstation.js';
import { ownershipTampering, retaggedInstances } from '../../core/launch/ownershipTampering.js';
import { NetworkSettingsStore } from '../../core/network/NetworkSettingsStore.js';
import type { OperationsContext } from '../../core/operations/OperationsContext.js';
import type { AppPaths } from '../../core/paths.js';
import type { CallerIdentity, CloudAccount, Instance } from '../../core/ports.js';
import { TAG } from '../../core/ports.js';
import { FileProjectStore } from '../../core/projects/FileProjectStore.js';
import { projectBudgetBlock } from '../../core/projects/projectBudgetBlock.js';
import { renderUserData } from '../../core/provisioning/renderUserData.js';
import {
  cleanupStudio,
  type StudioCleanupOptions,
  type StudioCleanupResult,
} from '../../core/services/cleanupStudio.js';
import { SageMakerService } from '../../core/services/SageMakerService.js';
import type { Service, ServiceLaunchResult } from '../../core/services/Service.js';
import type { ServiceHealth } from '../../core/services/ServiceHealth.js';
import { isManagedServiceKind, serviceKindOf } from '../../core/services/ServiceKind.js';
import { type StudioLabLaunchRequest, StudioLabService } from '../../core/services/StudioLabService.js';
import { unsupportedOperationError } from '../../core/services/serviceOperations.js';
import { TimeSlicer } from '../../core/slicing/TimeSlicer.js';
import { takeInvitationUseOnce } from '../../core/team/takeInvitationUseOnce.js';
import { loadTemplateRegistry } from '../../core/templates/loadTemplateRegistry.js';
import { resolveTemplate } from '../../core/templates/resolveTemplate.js';
import type { TemplateRegistry } from '../../core/templates/TemplateRegistry.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import { templateSearchPath } from '../../core/templates/templateSearchPath.js';
import { lifecycleDenial } from '../../core/workstations/LifecycleDeniedError.js';
import { SharedInstanceListing } from '../../core/workstations/SharedInstanceListing.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { workstationFromInstance } from '../../core/workstations/workstationFromInstance.js';
import { costLedgerKey } from './costLedgerKey.js';
import { defaultResearchUsername } from './defaultResearchUsername.js';
import { laptopHostSource } from './laptopHostSource.js';
import { type LaunchChoices, launchChoices } from './launchChoices.js';
import { listStorage, type StorageListing } from './listStorage.js';
import { loadSessionCostReport, type SessionCostRequest, sessionBudgetKey } from './loadSessionCostReport.js';
import { type LaunchPreview, previewLaunch } from './previewLaunch.js';
import {
  acceptInvitationToken,
  createResearchUserFor,
  deleteProfileNamed,
  type InvitationAcceptance,
  listProfiles,
  makeCurrentProfile,
  type ProfileListing,
} from './profileDirectory.js';
import { type BudgetActionAudit, recordBudgetAction, type UserCreatedAudit } from './recordBudgetAction.js';
import { deleteResearchUserAs, listResearchUsers } from './researchUserDirectory.js';
import type { Session, SessionInfo, SessionLaunchResult } from './Session.js';
import type { SessionProfiles } from './SessionProfiles.js';
import type { SessionTeam } from './SessionTeam.js';
import { loadTeamOverview, revokeFromPage, type TeamOverview } from './teamOverview.js';

export interface CloudSessionOptions {
  info: SessionInfo;
  account: CloudAccount;
  profile: LaunchProfile;
  prices: PriceCatalog;
  paths: AppPaths;
  env: NodeJS.ProcessEnv;
  /** Lists profiles as their signed chains say (without it, as the config file caches them). */
  verifiedProfiles?: SessionProfiles;
  users: ResearchUserStore;
  audit(event: AuditedOverride | BudgetActionAudit | UserCreatedAudit): Promise<void>;
  /** The profile's budget, in the cost format. */
  budget?: Budget;
  /** The institution's discounts: `prices` are list prices, every shown price has these applied. */
  discounts?: Discounts;
  /** Current spot prices for spot launches' estimates. */
  spotPrices?: SpotPriceSource;
  /** Starts loading live prices into `prices` (once); resolves when they are in or have failed. */
  livePrices?: () => Promise<void>;
  /** Billed spend from Cost Explorer, when the profile enables it. */
  billedSpend?: (now: Date, window?: TimeWindow) => Promise<BilledSpendResult>;
  /** The lab's team store: name reservations, running leases, the invitation chain. */
  team?: SessionTeam;
  /** The lab's budget alert record, when the budget is the lab's (from the team store). */
  budgetAlerts?: { key: string; store: CostReportRequest['store'] };
}

/** A session on one cloud account (AWS or the demo account) for one profile. */
export class CloudSession implements Session {
  readonly info: SessionInfo;
  readonly account: CloudAccount;
  readonly profile: LaunchProfile;
  private readonly options: CloudSessionOptions;
  private identity: Promise<CallerIdentity> | undefined;
  private registry: Promise<TemplateRegistry> | undefined;
  /** RunInstances is checked with DryRun before the first launch of a session only. */
  private launchPermissionChecked = false;
  private managed: { sageMaker: SageMakerService; studioLab: StudioLabService } | undefined;
  /** SageMaker refused this session's credentials: its listing is skipped from then on. */
  private sageMakerDenied = false;
  /** The prices every view shows: the session's catalog with the institution's discounts. */
  private readonly shownPrices: PriceCatalog;
  private readonly listing: SharedInstanceListing;
  private readonly rows = new WeakMap<Instance, Workstation>();

  constructor(given: CloudSessionOptions) {
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
      this.listServices(),
    ]);
    const records = await new LaunchRecordStore(this.options.paths.stateDir).list();
    const all = [...items, ...(await retaggedInstances(this.account.compute, records, items))];
    const byToken = new Map(records.map((record) => [record.id, record]));
    const spot = await spotQuotesFor(all, this.options.spotPrices);
    const rows: Workstation[] = [];
    // Priced in slices: 10,000 rows at every refresh would otherwise hold back the keys typed meanwhile.
    await new TimeSlicer().forEach(all, (instance) => {
      const row = this.toWorkstation(instance, spot.get(spotQuoteKey(instance)));
      const tampered = ownershipTampering(instance, byToken.get(instance.client_token ?? ''));
      rows.push(tampered.length > 0 ? { ...row, tampered } : row);
    });
    return [...rows, ...services];
  }

  /**
   * The managed services' rows. A failure here (no SageMaker permission, say) must not hide the
   * EC2 workstations: it becomes a notice, once per distinct message.
   */
  private async listServices(): Promise<Workstation[]> {
    const { sageMaker, studioLab } = this.services();
    const [studio, lab] = await Promise.allSettled([
      // Without SageMaker permissions every refresh would fail the same way: stop asking.
      this.sageMakerDenied ? Promise.resolve([]) : sageMaker.list(this.info.regions),
      studioLab.list(),
    ]);
    if (
      studio.status === 'rejected' &&
      studio.reason instanceof CloudError &&
      studio.reason.kind === 'unauthorized'
    ) {
      this.sageMakerDenied = true;
    }
    const rows: Workstation[] = [];
    this.info.listing_failures = [];
    for (const [what, result] of [
      ['SageMaker Studio and Canvas', studio],
      ['Studio Lab links', lab],
    ] as const) {
      if (result.status === 'fulfilled') {
        rows.push(...result.value);
        continue;
      }
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      this.info.listing_failures.push({ what, reason });
      const notice = `${what} could not be listed: ${reason}`;
      if (!this.info.notices.includes(notice)) this.info.notices.push(notice);
    }
    return rows;
  }

  async refreshWorkstation(workstation: Workstation): Promise<Workstation | undefined> {
    const service = this.serviceOf(workstation);
    if (service) return service.status(workstation);
    const { items } = await this.account.compute.listInstances({
      regions: [workstation.region],
      ids: [workstation.id],
    });
    const instance = items[0];
    return instance ? this.pricedWorkstation(instance) : undefined;
  }

  /** Members act on their own workstations only (fail closed), admins on any. */
  private requireMayAct(workstation: Workstation, action: string): void {
    const denial = lifecycleDenial(workstation, action, {
      research_user: this.info.research_user ?? defaultResearchUsername(this.options.env),
      role: this.profile.role,
    });
    if (denial) throw denial;
  }

  async startWorkstation(workstation: Workstation): Promise<void> {
    this.requireMayAct(workstation, 'start');
    const service = this.serviceOf(workstation);
    if (service) return service.start(workstation);
    await this.options.team?.beforeStart(workstation);
    await this.account.compute.startInstance(workstation.region, workstation.id);
  }

  async stopWorkstation(workstation: Workstation, options: { hibernate: boolean }): Promise<void> {
    this.requireMayAct(workstation, options.hibernate ? 'hibernate' : 'stop');
    const service = this.serviceOf(workstation);
    if (service && options.hibernate) throw unsupportedOperationError(workstation.kind, 'hibernate');
    if (service) return service.stop(workstation);
    await this.account.compute.stopInstance(workstation.region, workstation.id, options);
    await this.options.team?.released(workstation, false);
  }

  async terminateWorkstation(workstation: Workstation): Promise<void> {
    this.requireMayAct(workstation, 'terminate');
    const service = this.serviceOf(workstation);
    if (service) return service.delete(workstation);
    await this.account.compute.terminateInstance(workstation.region, workstation.id);
    await this.options.team?.released(workstation, true);
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
    if (workstation.state !== 'running')
      return { status: 'stopped', detail: `the instance is ${workstation.state}` };
    if (workstation.progress === 'ready') return { status: 'healthy', detail: 'setup reported ready' };
    if (workstation.progress?.startsWith('degraded:')) {
      // Finished without some optional parts: usable, with the idle agent running; say which.
      return {
        status: 'unhealthy',
        detail: `setup finished without ${workstation.progress.slice('degraded:'.length).replaceAll(',', ', ')} (see /var/log/cws-setup.log)`,
      };
    }
    if (workstation.progress?.startsWith('failed'))
      return { status: 'unhealthy', detail: workstation.progress };
    return {
      status: 'starting',
      detail: workstation.progress ? `setup: ${workstation.progress}` : 'setup has not reported yet',
    };
  }

  /** Acknowledged where the report keeps them: the lab's store, or this machine's file. */
  async acknowledgeBudgetAlerts(): Promise<void> {
    const alerts = this.options.budgetAlerts;
    const month = zonedMonthKey(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (alerts) return alerts.store.acknowledge(alerts.key, month);
    const store = new BudgetAlertStore(budgetAlertFile(this.options.paths.stateDir));
    await store.acknowledge(sessionBudgetKey(this.info.profile), month);
  }

  async connectionPlan(workstation: Workstation, options: ConnectionOptions = {}): Promise<ConnectionPlan> {
    const { env } = this.options;
    const records = new LaunchRecordStore(this.options.paths.stateDir);
    const { ssh_cidr: sshCidr, laptop_host: laptopHost } = await new NetworkSettingsStore(
      this.options.paths.configDir,
    ).profile(this.profile.name);
    return connectionPlanFor(
      workstation,
      {
        env,
        platform: process.platform,
        ...(env.CWS_SSH_BASTION ? { bastion: env.CWS_SSH_BASTION } : {}),
        ...laptopHostSource(env, laptopHost, this.profile.name),
        ...(sshCidr ? { ssh_cidr: sshCidr } : {}),
        ...(this.account.kind === 'demo' ? { demo: true } : {}),
        ...(env.AWS_PROFILE ? { aws_profile: env.AWS_PROFILE } : {}),
        ssm: {
          aws_cli: findOnPath('aws', env) !== undefined,
          plugin: findOnPath('session-manager-plugin', env) !== undefined,
        },
        template: async (slug) => {
          try {
            return await this.resolveTemplate(slug);
          } catch {
            // The template was removed from the search path since the launch: plan without it.
            return undefined;
          }
        },
        researchUser: (username) => this.options.users.get(username),
        tokens: async (launchId) => (await records.get(launchId))?.service_tokens,
        serviceSecret: (row, service) =>
          row.instance
            ? this.account.secrets.readServiceSecret(row.region, row.instance.id, service)
            : Promise.resolve(undefined),
        endpoint: (row) => {
          const service = this.serviceOf(row);
          if (!service) throw new Error(`${row.name} is not a managed service`);
          return service.connection(row);
        },
      },
      options,
    );
  }

  async cleanupServices(
    options: StudioCleanupOptions,
  ): Promise<Array<StudioCleanupResult & { region: string }>> {
    const results: Array<StudioCleanupResult & { region: string }> = [];
    for (const region of this.info.regions) {
      const result = await cleanupStudio(this.account.studio, region, {
        ...options,
        ...(this.account.kind === 'demo' ? { polling: DEMO_STUDIO_POLLING } : {}),
      });
      results.push({ ...result, region });
    }
    return results;
  }

  private services(): { sageMaker: SageMakerService; studioLab: StudioLabService } {
    if (!this.managed) {
      const researchUser = async () => this.researchUser(await this.callerIdentity());
      const { env } = this.options;
      this.managed = {
        sageMaker: new SageMakerService({
          account: this.account,
          profile: this.profile,
          owner: async () => (await this.callerIdentity()).arn,
          researchUser,
          prices: this.shownPrices,
          audit: this.options.audit,
          ...(env.CWS_SAGEMAKER_EXECUTION_ROLE ? { executionRoleArn: env.CWS_SAGEMAKER_EXECUTION_ROLE } : {}),
          ...(this.account.kind === 'demo' ? { polling: DEMO_STUDIO_POLLING } : {}),
        }),
        studioLab: new StudioLabService({
          stateDir: this.options.paths.stateDir,
          profile: this.profile,
          researchUser,
        }),
      };
    }
    return this.managed;
  }

  private serviceOf(workstation: Workstation): Service | undefined {
    if (workstation.kind === 'ec2') return undefined;
    const { sageMaker, studioLab } = this.services();
    return workstation.kind === 'studio-lab' ? studioLab : sageMaker;
  }

  async costReport(request: SessionCostRequest): Promise<LoadedCostReport> {
    const ledgerKey = await costLedgerKey(this.options.paths, this.info, () => this.callerIdentity());
    return loadSessionCostReport({ ...this.options, info: this.info, ledgerKey }, request);
  }

  async budgetActionPlan(alert: BudgetAlert): Promise<BudgetActionStep[]> {
    const { items } = await this.account.compute.listInstances({
      regions: this.info.regions,
      tags: { [TAG.managed]: 'true' },
    });
    return budgetActionPlan(alert, items);
  }

  async applyBudgetAction(step: BudgetActionStep): Promise<void> {
    await this.account.compute.stopInstance(step.region, step.id, { hibernate: step.action === 'hibernate' });
    await recordBudgetAction(step, {
      profile: this.profile.name,
      audit: this.options.audit,
      team: this.options.team,
      instance: async () =>
        (
          await this.account.compute.listInstances({
            regions: [step.region],
            tags: { [TAG.managed]: 'true' },
          })
        ).items.find((instance) => instance.id === step.id),
    });
  }

  listStorage(): Promise<StorageListing> {
    return listStorage(this.account, this.info.regions);
  }

  profiles(): ProfileListing {
    return this.options.verifiedProfiles?.list() ?? listProfiles(this.options.paths);
  }

  setCurrentProfile(name: string): void {
    makeCurrentProfile(this.options.paths, name);
  }

  async acceptInvitation(acceptance: InvitationAcceptance): Promise<AcceptedInvitation> {
    // Single use through the session's team store, as `invite accept` does.
    const store = this.options.team?.store;
    const accepted = await acceptInvitationToken(
      this.options.paths,
      this.options.users,
      acceptance,
      this.options.env,
      store
        ? (payload, username) => takeInvitationUseOnce(store, payload, username, this.options.paths.stateDir)
        : undefined,
    );
    await this.options.verifiedProfiles?.reloadTrust();
    return accepted;
  }

  teamOverview(): Promise<TeamOverview> {
    const team = this.options.team;
    return loadTeamOverview({
      ...(team?.store ? { store: team.store } : {}),
      ...(team?.unavailable ? { unavailable: team.unavailable } : {}),
      description: this.info.team_store ?? 'no team store',
      users: this.options.users,
      admin: this.profile.role === 'admin',
    });
  }

  revokeInvitation(id: string): Promise<void> {
    const by = this.info.research_user ?? this.profile.name;
    return revokeFromPage(this.options.team?.store, this.profile.role === 'admin', id, by);
  }

  deleteProfile(name: string): void {
    deleteProfileNamed(this.options.paths, name, this.info.profile);
  }

  researchUsers(): Promise<ResearchUser[]> {
    return listResearchUsers(this.options.users);
  }

  deleteResearchUser(username: string): Promise<ResearchUser> {
    return deleteResearchUserAs(this.options.users, this.profile.role, username);
  }

  createResearchUser(request: CreateResearchUserRequest): Promise<CreatedResearchUser> {
    return createResearchUserFor(
      this.options.paths,
      this.options.users,
      this.info.profile,
      async () => (await this.callerIdentity()).account,
      request,
    );
  }

  templates(): Promise<TemplateRegistry> {
    this.registry ??= loadTemplateRegistry({
      searchPath: templateSearchPath(this.options.env, this.options.paths),
    });
    return this.registry;
  }

  async resolveTemplate(slugOrName: string): Promise<ResolvedTemplate> {
    return resolveTemplate(slugOrName, await this.templates());
  }

  async launchChoices(template: string): Promise<LaunchChoices> {
    const resolved = await this.resolveTemplate(template);
    const region = this.account.defaultRegion;
    const fileSystems = resolved.service_config ? [] : await this.account.storage.listFileSystems([region]);
    return launchChoices(resolved, region, this.shownPrices, fileSystems);
  }

  async previewLaunch(request: LaunchRequest): Promise<LaunchPreview> {
    const { check, registry, blocked } = await this.launchFacts();
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
    const stateDir = this.options.paths.stateDir;
    return {
      account: this.account,
      profile: this.profile,
      prices: this.shownPrices,
      ...(this.options.livePrices ? { livePrices: this.options.livePrices } : {}),
      stateDir,
      pollIntervalMs: this.account.kind === 'demo' ? DEMO_POLLING.intervalMs : 2_000,
      researchUser: async () => this.researchUser(await this.callerIdentity()),
      findResearchUser: (username) => this.options.users.get(username),
      audit: (event) => appendAuditEvent(stateDir, event),
    };
  }

  async launch(
    request: LaunchRequest,
    onProgress?: (progress: LaunchProgress) => void,
  ): Promise<SessionLaunchResult> {
    const { check, registry, blocked, identity } = await this.launchFacts();
    if (blocked)
      throw new LaunchError('check-policy', blocked, 'cws-tui cost shows what is running and what it costs.');
    await this.options.team?.checkChain();
    const project = request.project ?? this.profile.project;
    await this.options.team?.checkBudgets({ research_user: check.researchUser.username, project }, () =>
      this.budgetFacts(),
    );
    const projectBlocked = await this.projectBudgetBlock(project);
    if (projectBlocked)
      throw new LaunchError(
        'check-policy',
        projectBlocked,
        'cws-tui project show <project> shows its spend.',
      );
    const result = await launchWorkstation(
      request,
      {
        ...check,
        owner: identity.arn,
        resolveTemplate: (reference) => resolveTemplate(reference, registry),
        renderUserData,
        audit: this.options.audit,
        network: (region) =>
          new NetworkSettingsStore(this.options.paths.configDir).choice(this.profile.name, region),
        dryRun: !this.launchPermissionChecked,
        ...(this.options.team ? { claimLaunch: this.options.team.claimLaunch() } : {}),
        ...(this.account.kind === 'demo' ? { polling: DEMO_POLLING } : {}),
      },
      onProgress,
    );
    this.launchPermissionChecked = true;
    return { ...result, workstation: await this.pricedWorkstation(result.instance) };
  }

  /** A project over its budget this month takes no new workstations. */
  private projectBudgetBlock(project: string | undefined): Promise<string | undefined> {
    const budgets = new FileProjectStore(this.options.paths.stateDir).budgets();
    return projectBudgetBlock(project, budgets, () => this.budgetFacts());
  }

  /** What a budget's spend is summed from: the managed instances and this month's cost report. */
  private async budgetFacts(): Promise<{ instances: Instance[]; items: CostReportItem[] }> {
    const [{ items: instances }, { report }] = await Promise.all([
      this.account.compute.listInstances({ regions: this.info.regions, tags: { [TAG.managed]: 'true' } }),
      this.costReport({ fireAlerts: false, now: new Date() }),
    ]);
    return { instances, items: report.items };
  }

  /**
   * The facts every launch check uses, gathered once for the launch and for its preview alike: list
   * prices with the profile's discounts, spot prices, this month's spend, and whether a budget past
   * a `block` threshold refuses launches now.
   */
  private async launchFacts(): Promise<{
    check: LaunchCheckContext;
    registry: TemplateRegistry;
    identity: CallerIdentity;
    blocked?: string;
  }> {
    const registry = await this.templates();
    const identity = await this.callerIdentity();
    const researchUser = await this.researchUser(identity);
    await this.options.livePrices?.();
    const { discounts, spotPrices } = this.options;
    const { spend, blocked } = await this.launchSpend();
    return {
      registry,
      identity,
      ...(blocked ? { blocked } : {}),
      check: {
        account: this.account,
        profile: this.profile,
        researchUser,
        prices: this.options.prices,
        ...(discounts ? { discounts } : {}),
        ...(spotPrices ? { spotPrice: (type, region) => spotPrices.currentSpotPrice(type, region) } : {}),
        records: new LaunchRecordStore(this.options.paths.stateDir),
        ...(spend ? { spend } : {}),
      },
    };
  }

  /**
   * This month's spend, for the policy's monthly budget rule, when the policy or the profile has a
   * budget. A profile budget past a `block` threshold refuses the launch here, with its reason.
   */
  private async launchSpend(): Promise<{ spend?: LaunchCheckContext['spend']; blocked?: string }> {
    if (this.profile.policy.monthly_budget === undefined && !this.options.budget) return {};
    const now = new Date();
    const { report } = await this.costReport({ fireAlerts: false, now });
    return {
      spend: {
        month_to_date: report.month_to_date,
        projected_month: report.projected_month,
        hours_left_in_month: Math.max(0, (Date.parse(report.month.to) - now.getTime()) / HOUR_MS),
      },
      ...(report.budget?.block_reason ? { blocked: report.budget.block_reason } : {}),
    };
  }

  /**
   * The profile's research user; a profile without one launches as a user named after the login
   * name, created on first use with a UID of this account's range and a new key pair.
   */
  private async researchUser(identity: CallerIdentity): Promise<ResearchUser> {
    const { users, paths, env } = this.options;
    const wanted = this.info.research_user ?? defaultResearchUsername(env);
    const existing = await users.get(wanted);
    if (existing) return existing;
    if (this.info.research_user) {
      throw new Error(
        `the research user '${wanted}' of profile '${this.info.profile}' does not exist; create it with 'cws-tui users create ${wanted}'`,
      );
    }
    try {
      const created = await createResearchUser(users, join(paths.stateDir, 'keys'), identity.account, {
        username: wanted,
      });
      const { username, uid } = created.user;
      await this.options.audit({ action: 'user-created', username, uid, profile: this.info.profile });
      return created.user;
    } catch (error) {
      // Parallel first launches all try to create the user: the one that lost uses the winner's.
      const winner = error instanceof ResearchUserStoreError ? await users.get(wanted) : undefined;
      if (winner) return winner;
      throw error;
    }
  }

  /** One instance's row, a spot one priced at its current spot price. */
  private async pricedWorkstation(instance: Instance): Promise<Workstation> {
    const spot = await spotQuotesFor([instance], this.options.spotPrices);
    return this.toWorkstation(instance, spot.get(spotQuoteKey(instance)));
  }

  private toWorkstation(instance: Instance, spotPrice?: PriceQuote): Workstation {
    const hourlyCost = this.hourlyCost(instance, spotPrice);
    // An instance the account listed unchanged (the same object) keeps its row object, so the
    // dashboard sees that nothing changed without comparing 10,000 rows field by field.
    const built = this.rows.get(instance);
    if (built && built.hourly_cost === hourlyCost) return built;
    const workstation = workstationFromInstance(instance, hourlyCost);
    this.rows.set(instance, workstation);
    return workstation;
  }

  /** What it costs per hour in its current state: the same rates the cost report accrues. */
  private hourlyCost(instance: Instance, spotPrice?: PriceQuote): number {
    const resource = costResourceFromInstance(instance, spotPrice);
    const { rates } = resourceRates(resource, this.shownPrices, this.options.discounts ?? {});
    return hourlyRateInState(resource.transitions.at(-1)?.state ?? instance.state, rates);
  }
}

/** The demo account's pace is simulated: poll it often so that progress shows at once. */
const DEMO_POLLING = { intervalMs: 250, runningTimeoutMs: 5 * 60_000, readyTimeoutMs: 30 * 60_000 };
const DEMO_STUDIO_POLLING = { intervalMs: 250, timeoutMs: 5 * 60_000 };
