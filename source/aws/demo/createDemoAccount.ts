import { lazyAnalyticsPort } from '../../core/analytics/lazyAnalyticsPort.js';
import { lazyPort } from '../../core/ports/lazyPort.js';
import type { CloudAccount } from '../../core/ports.js';
import { createDemoBigData } from './bigdata/createDemoBigData.js';
import { DemoCompute } from './DemoCompute.js';
import { DemoGlobusAuth } from './DemoGlobusAuth.js';
import { DemoHpc } from './DemoHpc.js';
import { DemoIdentity } from './DemoIdentity.js';
import { DemoImages } from './DemoImages.js';
import { DemoNetwork } from './DemoNetwork.js';
import { DemoRoles } from './DemoRoles.js';
import { DemoStore } from './DemoStore.js';
import { DemoStudio } from './DemoStudio.js';
import { parseDemoFaults } from './demoFaults.js';
import { demoSpeed } from './demoPace.js';

export const DEMO_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];

export interface DemoAccount extends CloudAccount {
  kind: 'demo';
  store: DemoStore;
  compute: DemoCompute;
}

export interface DemoAccountOptions {
  stateDir: string;
  env: NodeJS.ProcessEnv;
  region?: string;
  now?: () => number;
}

/**
 * The built-in simulated AWS account: same interfaces as the AWS adapters, state in the state dir.
 * What every listing calls (EC2, SageMaker, HPC, EMR) is made here; the services a `list` never
 * calls (storage, analytics, FSx, Run Command...) are lazy ports, their modules imported on first use.
 */
export function createDemoAccount({ stateDir, env, region, now }: DemoAccountOptions): DemoAccount {
  const store = new DemoStore(stateDir);
  const speed = demoSpeed(env);
  const faults = parseDemoFaults(env.CWS_DEMO_FAULTS);
  const defaultRegion = region ?? 'us-east-1';
  const regions = DEMO_REGIONS.includes(defaultRegion) ? DEMO_REGIONS : [defaultRegion, ...DEMO_REGIONS];
  const timed = now ? { now } : {};
  const compute = new DemoCompute({ store, speed, faults, ...timed });
  return {
    kind: 'demo',
    store,
    regions,
    defaultRegion,
    identity: new DemoIdentity(),
    compute,
    images: new DemoImages(),
    network: new DemoNetwork(store, faults.noDefaultVpcRegions ?? []),
    storage: lazyPort(() => import('./DemoStorage.js').then((m) => new m.DemoStorage(store, speed, now)), {}),
    studio: new DemoStudio({ store, speed, env, ...timed }),
    roles: new DemoRoles(env),
    commands: lazyPort(
      () => import('./DemoRemoteCommands.js').then((m) => new m.DemoRemoteCommands(compute, now)),
      {},
    ),
    blockStorage: lazyPort(
      () => import('./DemoBlockStorage.js').then((m) => new m.DemoBlockStorage(store, speed, now)),
      {},
    ),
    instanceChanges: lazyPort(
      () => import('./DemoInstanceChanges.js').then((m) => new m.DemoInstanceChanges(store, now)),
      {},
    ),
    schedules: lazyPort(() => import('./DemoSchedules.js').then((m) => new m.DemoSchedules(store)), {}),
    metrics: lazyPort(() => import('./DemoMetrics.js').then((m) => new m.DemoMetrics(compute)), {}),
    secrets: lazyPort(
      () => import('./DemoServiceSecrets.js').then((m) => new m.DemoServiceSecrets(compute)),
      {},
    ),
    hpc: new DemoHpc({ stateDir, speed, faults: env.CWS_DEMO_HPC_FAULTS, ...timed }),
    bigdata: createDemoBigData({ stateDir, speed, ...timed }),
    analytics: lazyAnalyticsPort(() =>
      import('./analytics/demoAnalytics.js').then((m) => m.demoAnalytics(stateDir, speed, now)),
    ),
    fsx: lazyPort(() => import('./fsx/DemoFsx.js').then((m) => new m.DemoFsx(stateDir, speed, now)), {}),
    storagePrices: {
      pricesFor: async () => (await import('../../core/fsx/storagePrices.js')).STORAGE_PRICES,
    },
    globus: new DemoGlobusAuth(),
  };
}
