import { randomBytes } from 'node:crypto';
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
import { demoIdFor } from './demoIds.js';
import type { DemoStudioApp, DemoStudioDomain } from './demoState.js';
import {
  inUse,
  isLive,
  iso,
  notFound,
  ownerKey,
  requireDomainInService,
  requireProfile,
  schedule,
  statusAt,
  type Timed,
  toApp,
  toDomain,
  toSpace,
} from './demoStudioRecords.js';
import { retainHomeFileSystem } from './retainHomeFileSystem.js';

/** Seconds each SageMaker transition takes at realistic pace (CWS_DEMO_SPEED scales them). */
export const DEMO_STUDIO_DELAYS_SECONDS = {
  domainCreation: 40,
  profileCreation: 4,
  spaceCreation: 4,
  appPending: 25,
  appDeleting: 8,
  resourceDeleting: 4,
  domainDeleting: 15,
} as const;

export { DEMO_STUDIO_APPS_PER_TYPE } from './checkAppCreation.js';

/** A presigned Studio URL is valid for this long (CreatePresignedDomainUrl's default). */
const PRESIGNED_URL_SECONDS = 300;

/**
 * Faults for demos and tests, from `CWS_DEMO_STUDIO_FAULT`: `domain-failed` makes a new domain end
 * in Failed (as a VPC without the needed endpoints does), `app-limit` answers every CreateApp with
 * ResourceLimitExceeded, `list-denied` refuses ListDomains (a profile without SageMaker permissions).
 */
export type DemoStudioFault = 'domain-failed' | 'app-limit' | 'list-denied';

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
    const fault = options.env.CWS_DEMO_STUDIO_FAULT;
    this.fault =
      fault === 'domain-failed' || fault === 'app-limit' || fault === 'list-denied' ? fault : undefined;
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
    const at = this.now();
    await this.store.update((state) => {
      const app = state.studio.apps.find(
        (candidate) =>
          candidate.region === region &&
          candidate.domain_id === target.domain_id &&
          candidate.type === target.type &&
          ownerKey(candidate.owner) === ownerKey(target.owner) &&
          candidate.created_at === target.created_at,
      );
      if (!app) throw notFound(`the ${target.type} app of ${ownerKey(target.owner)} does not exist`);
      const status = statusAt(app, at);
      if (status === 'Deleting' || status === 'Deleted') return;
      schedule(app, at, [
        ['Deleting', 0],
        ['Deleted', this.delayMs('appDeleting')],
      ]);
    });
  }

  async deleteSpace(region: string, domainId: string, name: string): Promise<void> {
    const at = this.now();
    await this.store.update((state) => {
      const space = state.studio.spaces.find(
        (s) =>
          s.region === region && s.domain_id === domainId && s.name === name && statusAt(s, at) !== 'Deleted',
      );
      if (!space) throw notFound(`the space ${name} does not exist in ${domainId}`);
      const blocking = state.studio.apps.find(
        (app) =>
          app.region === region &&
          app.domain_id === domainId &&
          'space' in app.owner &&
          app.owner.space === name &&
          statusAt(app, at) !== 'Deleted' &&
          statusAt(app, at) !== 'Failed',
      );
      if (blocking)
        throw inUse(`the space ${name} still has a ${blocking.type} app (${statusAt(blocking, at)})`);
      this.scheduleDeletion(space, at, 'resourceDeleting');
    });
  }

  async deleteUserProfile(region: string, domainId: string, name: string): Promise<void> {
    const at = this.now();
    await this.store.update((state) => {
      const profile = state.studio.user_profiles.find(
        (p) =>
          p.region === region && p.domain_id === domainId && p.name === name && statusAt(p, at) !== 'Deleted',
      );
      if (!profile) throw notFound(`the user profile ${name} does not exist in ${domainId}`);
      const space = state.studio.spaces.find(
        (s) =>
          s.region === region &&
          s.domain_id === domainId &&
          s.owner_profile === name &&
          statusAt(s, at) !== 'Deleted',
      );
      if (space) throw inUse(`the user profile ${name} still owns the space ${space.name}`);
      const app = state.studio.apps.find(
        (a) =>
          a.region === region &&
          a.domain_id === domainId &&
          'profile' in a.owner &&
          a.owner.profile === name &&
          isLive(statusAt(a, at)),
      );
      if (app) throw inUse(`the user profile ${name} still has a ${app.type} app`);
      this.scheduleDeletion(profile, at, 'resourceDeleting');
    });
  }

  /** As on AWS: the home EFS is retained, tagged as left by the domain, and listed in storage. */
  async deleteDomain(
    region: string,
    domainId: string,
  ): Promise<{ retained_home_efs_file_system_id?: string }> {
    const at = this.now();
    return this.store.update((state) => {
      const domain = state.studio.domains.find((d) => d.region === region && d.id === domainId);
      if (!domain || statusAt(domain, at) === 'Deleted')
        throw notFound(`the domain ${domainId} does not exist`);
      const profile = state.studio.user_profiles.find(
        (p) => p.region === region && p.domain_id === domainId && statusAt(p, at) !== 'Deleted',
      );
      if (profile) throw inUse(`the domain ${domainId} still has the user profile ${profile.name}`);
      retainHomeFileSystem(state, domain, at);
      this.scheduleDeletion(domain, at, 'domainDeleting');
      return { retained_home_efs_file_system_id: domain.home_efs_file_system_id };
    });
  }

  async presignedUrl(
    region: string,
    request: { domain_id: string; profile: string; space?: string; landing: StudioAppType },
  ): Promise<{ url: string; expires_at: string }> {
    const at = this.now();
    const state = await this.store.read();
    requireDomainInService(state, region, request.domain_id, at);
    requireProfile(state, region, request.domain_id, request.profile, at);
    const token = randomBytes(24).toString('base64url');
    const url = new URL(`https://${request.domain_id}.studio.${region}.sagemaker.aws/auth`);
    url.searchParams.set('token', token);
    if (request.space) url.searchParams.set('space', request.space);
    url.searchParams.set('landing', `app:${request.landing}:`);
    return { url: url.toString(), expires_at: iso(at + PRESIGNED_URL_SECONDS * 1000) };
  }

  private creation(at: number, delay: keyof typeof DEMO_STUDIO_DELAYS_SECONDS): Timed['transitions'] {
    return [
      { at: iso(at), status: 'Pending' },
      { at: iso(at + this.delayMs(delay)), status: 'InService' },
    ];
  }

  private scheduleDeletion(
    resource: Timed,
    at: number,
    delay: keyof typeof DEMO_STUDIO_DELAYS_SECONDS,
  ): void {
    if (statusAt(resource, at) === 'Deleting') return;
    schedule(resource, at, [
      ['Deleting', 0],
      ['Deleted', this.delayMs(delay)],
    ]);
  }

  private delayMs(delay: keyof typeof DEMO_STUDIO_DELAYS_SECONDS): number {
    return DEMO_STUDIO_DELAYS_SECONDS[delay] * 1000 * this.speed;
  }
}
