import { join } from 'node:path';
import type { PriceCatalog } from '../../core/cost/PriceCatalog.js';
import { HOURS_PER_MONTH } from '../../core/cost/PriceQuote.js';
import { createResearchUser } from '../../core/identity/createResearchUser.js';
import type { ResearchUser } from '../../core/identity/ResearchUser.js';
import type { ResearchUserStore } from '../../core/identity/ResearchUserStore.js';
import type { LaunchProgress } from '../../core/launch/LaunchProgress.js';
import { LaunchRecordStore } from '../../core/launch/LaunchRecordStore.js';
import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import {
  type AuditedOverride,
  type LaunchProfile,
  launchWorkstation,
} from '../../core/launch/launchWorkstation.js';
import type { AppPaths } from '../../core/paths.js';
import type { CallerIdentity, CloudAccount, Instance } from '../../core/ports.js';
import { TAG } from '../../core/ports.js';
import { renderUserData } from '../../core/provisioning/renderUserData.js';
import { loadTemplateRegistry } from '../../core/templates/loadTemplateRegistry.js';
import { resolveTemplate } from '../../core/templates/resolveTemplate.js';
import type { TemplateRegistry } from '../../core/templates/TemplateRegistry.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import { templateSearchPath } from '../../core/templates/templateSearchPath.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { workstationFromInstance } from '../../core/workstations/workstationFromInstance.js';
import { defaultResearchUsername } from './defaultResearchUsername.js';
import type { Session, SessionInfo, SessionLaunchResult } from './Session.js';

export interface CloudSessionOptions {
  info: SessionInfo;
  account: CloudAccount;
  profile: LaunchProfile;
  prices: PriceCatalog;
  paths: AppPaths;
  env: NodeJS.ProcessEnv;
  users: ResearchUserStore;
  audit(event: AuditedOverride): Promise<void>;
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

  constructor(options: CloudSessionOptions) {
    this.options = options;
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

  async listWorkstations(): Promise<Workstation[]> {
    const { items } = await this.account.compute.listInstances({
      regions: this.info.regions,
      tags: { [TAG.managed]: 'true' },
    });
    return items.map((instance) => this.toWorkstation(instance));
  }

  async refreshWorkstation(workstation: Workstation): Promise<Workstation | undefined> {
    const { items } = await this.account.compute.listInstances({
      regions: [workstation.region],
      ids: [workstation.id],
    });
    const instance = items[0];
    return instance ? this.toWorkstation(instance) : undefined;
  }

  async startWorkstation(workstation: Workstation): Promise<void> {
    await this.account.compute.startInstance(workstation.region, workstation.id);
  }

  async stopWorkstation(workstation: Workstation, options: { hibernate: boolean }): Promise<void> {
    await this.account.compute.stopInstance(workstation.region, workstation.id, options);
  }

  async terminateWorkstation(workstation: Workstation): Promise<void> {
    await this.account.compute.terminateInstance(workstation.region, workstation.id);
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

  async launch(
    request: LaunchRequest,
    onProgress?: (progress: LaunchProgress) => void,
  ): Promise<SessionLaunchResult> {
    const registry = await this.templates();
    const identity = await this.callerIdentity();
    const researchUser = await this.researchUser(identity);
    const result = await launchWorkstation(
      request,
      {
        account: this.account,
        profile: this.profile,
        owner: identity.arn,
        researchUser,
        resolveTemplate: (reference) => resolveTemplate(reference, registry),
        renderUserData,
        prices: this.options.prices,
        records: new LaunchRecordStore(this.options.paths.stateDir),
        audit: this.options.audit,
        dryRun: !this.launchPermissionChecked,
        ...(this.account.kind === 'demo' ? { polling: DEMO_POLLING } : {}),
      },
      onProgress,
    );
    this.launchPermissionChecked = true;
    return { ...result, workstation: this.toWorkstation(result.instance) };
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
    const created = await createResearchUser(users, join(paths.stateDir, 'keys'), identity.account, {
      username: wanted,
    });
    return created.user;
  }

  private toWorkstation(instance: Instance): Workstation {
    return workstationFromInstance(instance, this.hourlyCost(instance));
  }

  /** Compute plus the root volume, while running. */
  private hourlyCost(instance: Instance): number | undefined {
    const { prices } = this.options;
    const compute = prices.instanceHourly(instance.instance_type, instance.region);
    if (!compute) return undefined;
    const volumeKind =
      instance.root_volume_type === 'gp2' || instance.root_volume_type === 'io2'
        ? instance.root_volume_type
        : 'gp3';
    const storage = prices.storageMonthly(volumeKind, instance.region);
    const storageHourly = storage
      ? (storage.usd_per_gb_month * instance.root_volume_gb) / HOURS_PER_MONTH
      : 0;
    return compute.usd_per_hour + storageHourly;
  }
}

/** The demo account's pace is simulated: poll it often so that progress shows at once. */
const DEMO_POLLING = { intervalMs: 250, runningTimeoutMs: 5 * 60_000, readyTimeoutMs: 30 * 60_000 };
