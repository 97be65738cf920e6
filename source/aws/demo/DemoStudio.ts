import { CloudError } from '../../core/CloudError.js';
import type {
  ResourceTags,
  StudioApp,
  StudioAppRequest,
  StudioAppType,
  StudioDomain,
  StudioDomainRequest,
  StudioPort,
  StudioSpace,
  StudioSpaceRequest,
  StudioUserProfile,
} from '../../core/ports.js';
import { checkAppCreation } from './checkAppCreation.js';
import type { DemoStore } from './DemoStore.js';
import { type DemoStudioFault, demoStudioFaultFrom } from './DemoStudioFault.js';
import { demoIdFor } from './demoIds.js';
import { demoPresignedUrl } from './demoPresignedUrl.js';
import type { DemoStudioApp, DemoStudioDomain } from './demoState.js';
import { DEMO_STUDIO_DELAYS_SECONDS } from './demoStudioDelays.js';
import {
  type DemoStudioDeletion,
  deleteDemoApp,
  deleteDemoDomain,
  deleteDemoSpace,
  deleteDemoUserProfile,
} from './demoStudioDeletions.js';
import {
  iso,
  requireDomainInService,
  requireProfile,
  statusAt,
  type Timed,
  toApp,
  toDomain,
  toSpace,
} from './demoStudioRecords.js';

export interface DemoStudioOptions {
  store: DemoStore;
  speed: number;
  env: NodeJS.ProcessEnv;
  now?: () => number;
}

/** SageMaker Studio and Canvas as the demo account simulates them, on timed transitions. */
export class DemoStudio implements StudioPort {
  private readonly store: DemoStore;
  private readonly speed: number;
  private readonly now: () => number;
  private readonly fault: DemoStudioFault | undefined;

  constructor(options: DemoStudioOptions) {
    this.store = options.store;
    this.speed = options.speed;
    this.now = options.now ?? Date.now;
    this.fault = demoStudioFaultFrom(options.env);
  }

  async listDomains(region: string): Promise<StudioDomain[]> {
    if (this.fault === 'list-denied') {
      throw new CloudError({
        kind: 'unauthorized',
        code: 'AccessDeniedException',
        message: `Not permitted: sagemaker:ListDomains in ${region}.`,
        hint: 'Ask your AWS administrator to allow sagemaker:ListDomains for your role.',
      });
    }
    const state = await this.store.read();
    const now = this.now();
    return state.studio.domains
      .filter((domain) => domain.region === region && statusAt(domain, now) !== 'Deleted')
      .map((domain) => toDomain(domain, now));
  }

  async ensureDomain(region: string, request: StudioDomainRequest): Promise<StudioDomain> {
    const at = this.now();
    const domain = await this.store.update((state) => {
      const existing = state.studio.domains.find(
        (candidate) =>
          candidate.region === region &&
          candidate.name === request.name &&
          statusAt(candidate, at) !== 'Deleted',
      );
      if (existing) return existing;
      const serial = state.next_serial++;
      const id = `d-${demoIdFor('d', state.account, serial).slice(3, 15)}`;
      const failed = this.fault === 'domain-failed';
      const created: DemoStudioDomain = {
        id,
        name: request.name,
        region,
        created_at: iso(at),
        home_efs_file_system_id: demoIdFor('fs', state.account, serial),
        execution_role_arn:
          request.execution_role_arn ?? `arn:aws:iam::${state.account}:role/cws-tui-sagemaker-execution`,
        tags: { ...request.tags },
        transitions: [
          { at: iso(at), status: 'Pending' },
          { at: iso(at + this.delayMs('domainCreation')), status: failed ? 'Failed' : 'InService' },
        ],
      };
      if (failed) {
        created.failure_reason =
          'The subnets have no route to the SageMaker API: add VPC endpoints or a NAT gateway (demo fault)';
      }
      state.studio.domains.push(created);
      return created;
    });
    return toDomain(domain, at);
  }

  async ensureUserProfile(
    region: string,
    domainId: string,
    name: string,
    tags: ResourceTags,
  ): Promise<StudioUserProfile> {
    const at = this.now();
    const profile = await this.store.update((state) => {
      requireDomainInService(state, region, domainId, at);
      const existing = state.studio.user_profiles.find(
        (candidate) =>
          candidate.region === region &&
          candidate.domain_id === domainId &&
          candidate.name === name &&
          statusAt(candidate, at) !== 'Deleted',
      );
      if (existing) return existing;
      const created = {
        domain_id: domainId,
        region,
        name,
        tags: { ...tags },
        transitions: this.creation(at, 'profileCreation'),
      };
      state.studio.user_profiles.push(created);
      return created;
    });
    return { domain_id: domainId, name: profile.name, status: statusAt(profile, at) };
  }

  async ensureSpace(region: string, request: StudioSpaceRequest): Promise<StudioSpace> {
    const at = this.now();
    const space = await this.store.update((state) => {
      requireDomainInService(state, region, request.domain_id, at);
      requireProfile(state, region, request.domain_id, request.owner_profile, at);
      const existing = state.studio.spaces.find(
        (candidate) =>
          candidate.region === region &&
          candidate.domain_id === request.domain_id &&
          candidate.name === request.name &&
          statusAt(candidate, at) !== 'Deleted',
      );
      if (existing) {
        if (existing.owner_profile !== request.owner_profile) {
          throw new CloudError({
            kind: 'conflict',
            code: 'ResourceInUse',
            message: `the space ${request.name} belongs to ${existing.owner_profile}`,
            hint: 'Choose another name.',
          });
        }
        return existing;
      }
      const created = {
        domain_id: request.domain_id,
        region,
        name: request.name,
        owner_profile: request.owner_profile,
        app_type: request.app_type,
        instance_type: request.instance_type,
        idle_timeout_minutes: request.idle_timeout_minutes,
        created_at: iso(at),
        tags: { ...request.tags },
        transitions: this.creation(at, 'spaceCreation'),
      };
      state.studio.spaces.push(created);
      return created;
    });
    return toSpace(space, at);
  }

  async listUserProfiles(region: string, domainId: string): Promise<StudioUserProfile[]> {
    const state = await this.store.read();
    const now = this.now();
    return state.studio.user_profiles
      .filter((p) => p.region === region && p.domain_id === domainId && statusAt(p, now) !== 'Deleted')
      .map((p) => ({ domain_id: domainId, name: p.name, status: statusAt(p, now) }));
  }

  async listSpaces(region: string, domainId: string): Promise<StudioSpace[]> {
    const state = await this.store.read();
    const now = this.now();
    return state.studio.spaces
      .filter((s) => s.region === region && s.domain_id === domainId && statusAt(s, now) !== 'Deleted')
      .map((s) => toSpace(s, now));
  }

  async listApps(region: string, domainId: string): Promise<StudioApp[]> {
    const state = await this.store.read();
    const now = this.now();
    return state.studio.apps
      .filter((app) => app.region === region && app.domain_id === domainId)
      .map((app) => toApp(app, now));
  }

  async createApp(region: string, request: StudioAppRequest): Promise<StudioApp> {
    const at = this.now();
    const app = await this.store.update((state) => {
      checkAppCreation(state, region, request, at, this.fault === 'app-limit');
      const created: DemoStudioApp = {
        domain_id: request.domain_id,
        region,
        type: request.type,
        name: 'default',
        owner: 'space' in request.owner ? { space: request.owner.space } : { profile: request.owner.profile },
        instance_type: request.instance_type,
        created_at: iso(at),
        tags: { ...request.tags },
        transitions: [
          { at: iso(at), status: 'Pending' },
          { at: iso(at + this.delayMs('appPending')), status: 'InService' },
        ],
      };
      state.studio.apps.push(created);
      return created;
    });
    return toApp(app, at);
  }

  async deleteApp(region: string, target: StudioApp): Promise<void> {
    const deletion = this.deletion();
    await this.store.update((state) => deleteDemoApp(state, region, target, deletion));
  }

  async deleteSpace(region: string, domainId: string, name: string): Promise<void> {
    const deletion = this.deletion();
    await this.store.update((state) => deleteDemoSpace(state, region, domainId, name, deletion));
  }

  async deleteUserProfile(region: string, domainId: string, name: string): Promise<void> {
    const deletion = this.deletion();
    await this.store.update((state) => deleteDemoUserProfile(state, region, domainId, name, deletion));
  }

  async deleteDomain(
    region: string,
    domainId: string,
  ): Promise<{ retained_home_efs_file_system_id?: string }> {
    const deletion = this.deletion();
    return this.store.update((state) => deleteDemoDomain(state, region, domainId, deletion));
  }

  async presignedUrl(
    region: string,
    request: { domain_id: string; profile: string; space?: string; landing: StudioAppType },
  ): Promise<{ url: string; expires_at: string }> {
    const at = this.now();
    return demoPresignedUrl(await this.store.read(), region, request, at);
  }

  private creation(at: number, delay: keyof typeof DEMO_STUDIO_DELAYS_SECONDS): Timed['transitions'] {
    return [
      { at: iso(at), status: 'Pending' },
      { at: iso(at + this.delayMs(delay)), status: 'InService' },
    ];
  }

  private deletion(): DemoStudioDeletion {
    return {
      at: this.now(),
      delayMs: {
        app: this.delayMs('appDeleting'),
        resource: this.delayMs('resourceDeleting'),
        domain: this.delayMs('domainDeleting'),
      },
    };
  }

  private delayMs(delay: keyof typeof DEMO_STUDIO_DELAYS_SECONDS): number {
    return DEMO_STUDIO_DELAYS_SECONDS[delay] * 1000 * this.speed;
  }
}
