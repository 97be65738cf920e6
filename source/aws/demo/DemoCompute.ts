import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CloudError } from '../../core/CloudError.js';
import type { InstanceTypeInfo } from '../../core/catalog/InstanceTypeInfo.js';
import { findInstanceType } from '../../core/catalog/instanceTypes.js';
import {
  type ComputePort,
  type Instance,
  type InstanceFilter,
  type InstanceState,
  type ListResult,
  type RunInstanceRequest,
  TAG,
} from '../../core/ports.js';
import { alternativeInstanceTypes } from '../alternativeInstanceTypes.js';
import type { DemoStore } from './DemoStore.js';
import type { DemoFaults } from './demoFaults.js';
import { demoIdFor } from './demoIds.js';
import { demoDelayMs } from './demoPace.js';
import type { DemoInstance, DemoState } from './demoState.js';
import { currentState, lastRunningSince, lastTransitionTime, nextChangeAt } from './demoTimeline.js';
import { progressStagesOf, serviceSecretsOf, userDataScript } from './demoUserData.js';

/** DescribeInstances returns at most this many instances per page. */
const PAGE_SIZE = 1000;
/** EC2 forgets terminated instances after about an hour. */
const TERMINATED_RETENTION_MS = 60 * 60 * 1000;
const ZONE_SUFFIXES = ['a', 'b', 'c'];

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
  private built = new WeakMap<DemoInstance, { instance: Instance; until: number }>();
  private builtGeneration = -1;

  constructor(options: DemoComputeOptions) {
    this.store = options.store;
    this.speed = options.speed;
    this.faults = options.faults;
    this.now = options.now ?? Date.now;
  }

  async runInstance(request: RunInstanceRequest): Promise<Instance> {
    await this.simulateNetwork();
    const info = this.requireInstanceType(request.instance_type);
    if (request.hibernation && !info.hibernation_supported) {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'UnsupportedHibernationConfiguration',
        message: `${request.instance_type} cannot hibernate`,
        hint: 'Choose a type that supports hibernation (for example m7i, c7i, r7i or t3) or launch without it.',
      });
    }
    const zone = this.pickZone(request);
    const at = this.now();
    const created = await this.store.update((state) => {
      const existing = state.instances.find(
        (i) => i.client_token === request.client_token && i.region === request.region,
      );
      if (existing) return existing;
      const instance = this.newInstance(state, request, info, zone, at);
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
        const info = this.requireInstanceType(request.instance_type);
        state.instances.push(this.newInstance(state, request, info, this.pickZone(request), at));
      }
    });
  }

  private newInstance(
    state: DemoState,
    request: RunInstanceRequest,
    info: InstanceTypeInfo,
    zone: string,
    at: number,
  ): DemoInstance {
    const serial = state.next_serial++;
    const script = userDataScript(request.user_data_base64);
    const instance: DemoInstance = {
      id: demoIdFor('i', state.account, serial),
      region: request.region,
      availability_zone: zone,
      instance_type: request.instance_type,
      architecture: info.architecture,
      image_id: request.image_id,
      launched_at: new Date(at).toISOString(),
      private_ip: `172.31.${(serial >> 8) & 255}.${serial & 255}`,
      public_ip: `3.${80 + (serial % 100)}.${(serial >> 8) & 255}.${serial & 255}`,
      spot: request.spot,
      hibernation_configured: request.hibernation,
      root_volume_gb: request.root_volume_gb,
      root_volume_type: request.root_volume_type,
      client_token: request.client_token,
      tags: { ...request.tags, [TAG.name]: request.name },
      transitions: [
        { at: new Date(at).toISOString(), state: 'pending' },
        { at: new Date(at + demoDelayMs('pendingToRunning', this.speed)).toISOString(), state: 'running' },
      ],
      progress_stages: progressStagesOf(script),
      service_secrets: Object.fromEntries(
        serviceSecretsOf(script).map((name) => [name, randomBytes(24).toString('hex')]),
      ),
    };
    if (request.key_name) instance.key_name = request.key_name;
    return instance;
  }

  async listInstances(filter: InstanceFilter): Promise<ListResult<Instance>> {
    await this.simulateNetwork();
    const state = await this.store.read();
    const now = this.now();
    if (this.builtGeneration !== this.store.generation) {
      this.built = new WeakMap();
      this.builtGeneration = this.store.generation;
    }
    // One pass over the state, not one per region: 10,000 instances in 4 regions are read once.
    const wanted = Object.entries(filter.tags ?? {});
    const byRegion = new Map<string, Instance[]>(filter.regions.map((region) => [region, []]));
    for (const raw of state.instances) {
      const inRegion = byRegion.get(raw.region);
      if (!inRegion) continue;
      if (filter.ids && !filter.ids.includes(raw.id)) continue;
      if (!wanted.every(([k, v]) => raw.tags[k] === v)) continue;
      const instance = this.instanceAt(raw, now);
      if (instance.state === 'terminated' && now - lastTransitionTime(raw, now) > TERMINATED_RETENTION_MS)
        continue;
      inRegion.push(instance);
    }
    let requests = 0;
    const items: Instance[] = [];
    for (const inRegion of byRegion.values()) {
      requests += Math.max(1, Math.ceil(inRegion.length / PAGE_SIZE));
      for (const instance of inRegion) items.push(instance);
    }
    return { items, requests };
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
    return names.map((name) => this.requireInstanceType(name));
  }

  async consoleOutput(region: string, id: string): Promise<string> {
    await this.simulateNetwork();
    const state = await this.store.read();
    return this.stagesReached(findInstance(state, region, id), this.now())
      .map((stage) => `CWS-PROGRESS ${stage}\n`)
      .join('');
  }

  /** The boot script's stages that have run by `now`, since the instance last started. */
  private stagesReached(raw: DemoInstance, now: number): string[] {
    const runningSince = lastRunningSince(raw, now);
    if (runningSince === undefined) return [];
    const stageMs = demoDelayMs('provisioningStage', this.speed);
    return raw.progress_stages.filter((_, index) => runningSince + (index + 1) * stageMs <= now);
  }

  /**
   * The secret the instance stored for `service`, once its boot has reached the services stage
   * (where the script stores it), as on AWS; undefined before, or for an instance without it.
   */
  async storedServiceSecret(region: string, id: string, service: string): Promise<string | undefined> {
    await this.simulateNetwork();
    const raw = findInstance(await this.store.read(), region, id);
    const secret = raw.service_secrets?.[service];
    if (secret === undefined) return undefined;
    const reached = this.stagesReached(raw, this.now());
    // A parameter outlives the boot that wrote it: an instance stopped since has booted before
    // (demo boots take seconds).
    const bootedBefore = raw.transitions.some((t) => t.state === 'stopped' || t.state === 'hibernated');
    return reached.includes('services') || bootedBefore ? secret : undefined;
  }

  async checkLaunchPermission(request: RunInstanceRequest): Promise<void> {
    await this.simulateNetwork();
    this.requireInstanceType(request.instance_type);
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
      const raw = findInstance(state, region, id);
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

  private instanceAt(raw: DemoInstance, now: number): Instance {
    const built = this.built.get(raw);
    if (built && now < built.until) return built.instance;
    const instance = this.toInstance(raw, now);
    this.built.set(raw, {
      instance,
      until: nextChangeAt(raw, now, demoDelayMs('provisioningStage', this.speed)),
    });
    return instance;
  }

  private toInstance(raw: DemoInstance, now = this.now()): Instance {
    const { state, hibernated } = currentState(raw, now);
    const instance: Instance = {
      id: raw.id,
      name: raw.tags[TAG.name] ?? raw.id,
      region: raw.region,
      availability_zone: raw.availability_zone,
      state,
      instance_type: raw.instance_type,
      architecture: raw.architecture,
      image_id: raw.image_id,
      launched_at: raw.launched_at,
      private_ip: raw.private_ip,
      spot: raw.spot,
      hibernation_configured: raw.hibernation_configured,
      hibernated,
      root_volume_gb: raw.root_volume_gb,
      root_volume_type: raw.root_volume_type,
      client_token: raw.client_token,
      tags: { ...raw.tags },
      transitions: raw.transitions.filter((t) => Date.parse(t.at) <= now),
    };
    if (state === 'running' && raw.public_ip) instance.public_ip = raw.public_ip;
    if (raw.key_name) instance.key_name = raw.key_name;
    // As on AWS, where the boot script tags its instance with each stage through its role.
    const stage = this.stagesReached(raw, now).at(-1);
    if (stage) instance.tags[TAG.progress] = stage;
    return instance;
  }

  private requireInstanceType(name: string): InstanceTypeInfo {
    // ml.* types are SageMaker's: EC2 knows no such type.
    const info = name.startsWith('ml.') ? undefined : findInstanceType(name);
    if (!info) {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'InvalidParameterValue',
        message: `the instance type '${name}' does not exist`,
        hint: 'Pick a type from the size list of the template, e.g. t3.medium or m7i.large.',
      });
    }
    return info;
  }

  private pickZone(request: RunInstanceRequest): string {
    const zones = request.availability_zone
      ? [request.availability_zone]
      : ZONE_SUFFIXES.map((suffix) => `${request.region}${suffix}`);
    const zone = zones.find((z) => !this.faults.capacityZones.includes(z));
    if (!zone) {
      throw new CloudError({
        kind: 'capacity',
        code: 'InsufficientInstanceCapacity',
        message: `there is not enough ${request.instance_type} capacity in ${zones.join(', ')}`,
        hint: capacityHint(request.instance_type),
        retryable: true,
      });
    }
    return zone;
  }

  private async simulateNetwork(): Promise<void> {
    this.calls++;
    let delay = this.faults.latencyMs;
    // A throttled call is retried after a backoff, as the SDK's adaptive retry would.
    if (this.faults.throttleEvery > 0 && this.calls % this.faults.throttleEvery === 0) delay += 200;
    if (delay > 0) await sleep(delay);
  }
}

function findInstance(state: DemoState, region: string, id: string): DemoInstance {
  const raw = state.instances.find((i) => i.id === id && i.region === region);
  if (!raw) {
    throw new CloudError({
      kind: 'not-found',
      code: 'InvalidInstanceID.NotFound',
      message: `the instance ${id} does not exist in ${region}`,
      hint: 'It may have been terminated; refresh the list.',
    });
  }
  return raw;
}

function incorrectState(id: string, state: InstanceState, action: string): CloudError {
  return new CloudError({
    kind: 'conflict',
    code: 'IncorrectInstanceState',
    message: `cannot ${action} ${id}: it is ${state}`,
    hint: 'Wait for the current transition to finish, then try again.',
  });
}

/** Like EC2's adapter: name the neighbouring types the catalog has, with the same architecture. */
function capacityHint(instanceType: string): string {
  const architecture = findInstanceType(instanceType)?.architecture;
  const similar = alternativeInstanceTypes(instanceType).filter(
    (candidate) => findInstanceType(candidate)?.architecture === architecture,
  );
  return similar.length > 0
    ? `Try ${similar.join(' or ')}, another size, or try again later.`
    : 'Try another instance type or size, or try again later.';
}
