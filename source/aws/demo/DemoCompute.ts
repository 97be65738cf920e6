import { setTimeout as sleep } from 'node:timers/promises';
import { CloudError } from '../../core/CloudError.js';
import type { InstanceTypeInfo } from '../../core/catalog/InstanceTypeInfo.js';
import {
  type ComputePort,
  type Instance,
  type InstanceFilter,
  type InstanceState,
  type ListResult,
  type RunInstanceRequest,
  TAG,
} from '../../core/ports.js';
import type { DemoStore } from './DemoStore.js';
import { findDemoInstance, incorrectState, pickDemoZone, requireInstanceType } from './demoComputeChecks.js';
import type { DemoFaults } from './demoFaults.js';
import { demoInstanceView, demoStagesReached } from './demoInstanceView.js';
import { demoDelayMs } from './demoPace.js';
import type { DemoInstance } from './demoState.js';
import { currentState, lastTransitionTime, nextChangeAt } from './demoTimeline.js';
import { newDemoInstance } from './newDemoInstance.js';

/** DescribeInstances returns at most this many instances per page. */
const PAGE_SIZE = 1000;
/** EC2 forgets terminated instances after about an hour. */
const TERMINATED_RETENTION_MS = 60 * 60 * 1000;

export interface DemoComputeOptions {
  store: DemoStore;
  speed: number;
  faults: DemoFaults;
  now?: () => number;
}

/** EC2 as the demo account simulates it. */
export class DemoCompute implements ComputePort {
  private readonly store: DemoStore;
  private readonly speed: number;
  private readonly faults: DemoFaults;
  private readonly now: () => number;
  private calls = 0;
  /**
   * Instances already built from the state, each until its next transition or boot stage is due:
   * a refresh of 10,000 unchanged workstations then rebuilds none. Dropped when the state changes.
   */
  private built = new WeakMap<DemoInstance, Instance>();
  /**
   * Until when a built instance stays as built, for those with a change still due: most of a large
   * lab has settled (nothing due, forever), and 10,000 wrappers of an instance and a time were 0.4 MB.
   */
  private builtUntil = new WeakMap<Instance, number>();
  private builtGeneration = -1;
  /**
   * The last listing of each filter, until the state changes or one of its instances is due to: the
   * dashboard's refresh of 10,000 unchanged workstations then walks none of them.
   */
  private listings = new Map<string, { until: number; items: Instance[]; requests: number }>();

  constructor(options: DemoComputeOptions) {
    this.store = options.store;
    this.speed = options.speed;
    this.faults = options.faults;
    this.now = options.now ?? Date.now;
  }

  async runInstance(request: RunInstanceRequest): Promise<Instance> {
    await this.simulateNetwork();
    const info = requireInstanceType(request.instance_type);
    if (request.hibernation && !info.hibernation_supported) {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'UnsupportedHibernationConfiguration',
        message: `${request.instance_type} cannot hibernate`,
        hint: 'Choose a type that supports hibernation (for example m7i, c7i, r7i or t3) or launch without it.',
      });
    }
    const zone = pickDemoZone(request, this.faults);
    const at = this.now();
    const created = await this.store.update((state) => {
      const existing = state.instances.find(
        (i) => i.client_token === request.client_token && i.region === request.region,
      );
      if (existing) return existing;
      const instance = newDemoInstance(state, request, info, zone, at, this.speed);
      state.instances.push(instance);
      return instance;
    });
    return this.toInstance(created);
  }

  /**
   * Adds many running workstations in one write: for demos of a large lab and for the benchmarks
   * (launching 10,000 one by one would rewrite the state file 10,000 times).
   */
  async seed(requests: readonly RunInstanceRequest[]): Promise<void> {
    const at = this.now();
    await this.store.update((state) => {
      for (const request of requests) {
        const info = requireInstanceType(request.instance_type);
        state.instances.push(
          newDemoInstance(state, request, info, pickDemoZone(request, this.faults), at, this.speed),
        );
      }
    });
  }

  async listInstances(filter: InstanceFilter): Promise<ListResult<Instance>> {
    await this.simulateNetwork();
    const state = await this.store.read();
    const now = this.now();
    if (this.builtGeneration !== this.store.generation) {
      this.built = new WeakMap();
      this.builtUntil = new WeakMap();
      this.listings.clear();
      this.builtGeneration = this.store.generation;
    }
    // Lookups by id (one workstation's refresh) are small and many: not kept.
    const key = filter.ids ? undefined : JSON.stringify([filter.regions, filter.tags ?? {}]);
    const kept = key === undefined ? undefined : this.listings.get(key);
    if (kept && now < kept.until) return { items: [...kept.items], requests: kept.requests };
    let until = Number.POSITIVE_INFINITY;
    // One pass over the state, not one per region: 10,000 instances in 4 regions are read once.
    const wanted = Object.entries(filter.tags ?? {});
    const byRegion = new Map<string, Instance[]>(filter.regions.map((region) => [region, []]));
    for (const raw of state.instances) {
      const inRegion = byRegion.get(raw.region);
      if (!inRegion) continue;
      if (filter.ids && !filter.ids.includes(raw.id)) continue;
      if (!wanted.every(([k, v]) => raw.tags[k] === v)) continue;
      const built = this.instanceAt(raw, now);
      until = Math.min(until, built.until);
      if (built.instance.state === 'terminated') {
        const forgottenAfter = lastTransitionTime(raw, now) + TERMINATED_RETENTION_MS;
        if (now > forgottenAfter) continue;
        until = Math.min(until, forgottenAfter + 1);
      }
      inRegion.push(built.instance);
    }
    let requests = 0;
    const items: Instance[] = [];
    for (const inRegion of byRegion.values()) {
      requests += Math.max(1, Math.ceil(inRegion.length / PAGE_SIZE));
      for (const instance of inRegion) items.push(instance);
    }
    if (key !== undefined) this.listings.set(key, { until, items, requests });
    return { items: key === undefined ? items : [...items], requests };
  }

  async findByClientToken(region: string, clientToken: string): Promise<Instance | undefined> {
    await this.simulateNetwork();
    const state = await this.store.read();
    const raw = state.instances.find((i) => i.region === region && i.client_token === clientToken);
    return raw ? this.toInstance(raw) : undefined;
  }

  async startInstance(region: string, id: string): Promise<void> {
    await this.transition(region, id, 'start', (current) => {
      if (current === 'running' || current === 'pending') return [];
      if (current !== 'stopped') throw incorrectState(id, current, 'start');
      return [
        ['pending', 0],
        ['running', demoDelayMs('pendingToRunning', this.speed)],
      ];
    });
  }

  async stopInstance(region: string, id: string, options: { hibernate: boolean }): Promise<void> {
    await this.transition(region, id, options.hibernate ? 'hibernate' : 'stop', (current, instance) => {
      if (current === 'stopped' || current === 'stopping') return [];
      if (current !== 'running') throw incorrectState(id, current, options.hibernate ? 'hibernate' : 'stop');
      if (options.hibernate && !instance.hibernation_configured) {
        throw new CloudError({
          kind: 'invalid-parameter',
          code: 'UnsupportedHibernationConfiguration',
          message: `${instance.tags[TAG.name] ?? id} was not launched with hibernation enabled`,
          hint: 'Stop it instead; hibernation must be chosen at launch.',
        });
      }
      const delay = demoDelayMs(options.hibernate ? 'hibernatingToStopped' : 'stoppingToStopped', this.speed);
      return [
        ['stopping', 0],
        [options.hibernate ? 'hibernated' : 'stopped', delay],
      ];
    });
  }

  async terminateInstance(region: string, id: string): Promise<void> {
    await this.transition(region, id, 'terminate', (current) => {
      if (current === 'terminated' || current === 'shutting-down') return [];
      return [
        ['shutting-down', 0],
        ['terminated', demoDelayMs('shuttingDownToTerminated', this.speed)],
      ];
    });
  }

  async describeInstanceTypes(_region: string, names: string[]): Promise<InstanceTypeInfo[]> {
    await this.simulateNetwork();
    return names.map((name) => requireInstanceType(name));
  }

  async consoleOutput(region: string, id: string): Promise<string> {
    await this.simulateNetwork();
    const state = await this.store.read();
    return demoStagesReached(findDemoInstance(state, region, id), this.now(), this.speed)
      .map((stage) => `CWS-PROGRESS ${stage}\n`)
      .join('');
  }

  /**
   * The secret the instance stored for `service`, once its boot has reached the services stage
   * (where the script stores it), as on AWS; undefined before, or for an instance without it.
   */
  async storedServiceSecret(region: string, id: string, service: string): Promise<string | undefined> {
    await this.simulateNetwork();
    const raw = findDemoInstance(await this.store.read(), region, id);
    const secret = raw.service_secrets?.[service];
    if (secret === undefined) return undefined;
    const reached = demoStagesReached(raw, this.now(), this.speed);
    // A parameter outlives the boot that wrote it: an instance stopped since has booted before
    // (demo boots take seconds).
    const bootedBefore = raw.transitions.some((t) => t.state === 'stopped' || t.state === 'hibernated');
    return reached.includes('services') || bootedBefore ? secret : undefined;
  }

  async checkLaunchPermission(request: RunInstanceRequest): Promise<void> {
    await this.simulateNetwork();
    requireInstanceType(request.instance_type);
  }

  private async transition(
    region: string,
    id: string,
    action: string,
    plan: (current: InstanceState, instance: DemoInstance) => Array<[InstanceState | 'hibernated', number]>,
  ): Promise<void> {
    await this.simulateNetwork();
    const at = this.now();
    await this.store.update((state) => {
      const raw = findDemoInstance(state, region, id);
      const { state: current } = currentState(raw, at);
      if (current === 'terminated' && action !== 'terminate') throw incorrectState(id, current, action);
      const steps = plan(current, raw);
      if (steps.length === 0) return;
      // A new action supersedes what was still scheduled (e.g. terminate while pending).
      raw.transitions = raw.transitions.filter((t) => Date.parse(t.at) <= at);
      for (const [next, delay] of steps) {
        raw.transitions.push({ at: new Date(at + delay).toISOString(), state: next });
      }
    });
  }

  /** The instance as listed at `now`, and until when it stays so. */
  private instanceAt(raw: DemoInstance, now: number): { instance: Instance; until: number } {
    const built = this.built.get(raw);
    if (built) {
      const until = this.builtUntil.get(built) ?? Number.POSITIVE_INFINITY;
      if (now < until) return { instance: built, until };
    }
    const instance = this.toInstance(raw, now);
    const until = nextChangeAt(raw, now, demoDelayMs('provisioningStage', this.speed));
    this.built.set(raw, instance);
    if (until !== Number.POSITIVE_INFINITY) this.builtUntil.set(instance, until);
    return { instance, until };
  }

  private toInstance(raw: DemoInstance, now = this.now()): Instance {
    return demoInstanceView(raw, now, this.speed);
  }

  private async simulateNetwork(): Promise<void> {
    this.calls++;
    let delay = this.faults.latencyMs;
    // A throttled call is retried after a backoff, as the SDK's adaptive retry would.
    if (this.faults.throttleEvery > 0 && this.calls % this.faults.throttleEvery === 0) delay += 200;
    if (delay > 0) await sleep(delay);
  }
}
