import { STORAGE_PRICES } from '../../core/fsx/storagePrices.js';
import type { CloudAccount } from '../../core/ports.js';
import { demoAnalytics } from './analytics/demoAnalytics.js';
import { createDemoBigData } from './bigdata/createDemoBigData.js';
import { DemoBlockStorage } from './DemoBlockStorage.js';
import { DemoCompute } from './DemoCompute.js';
import { DemoGlobusAuth } from './DemoGlobusAuth.js';
import { DemoHpc } from './DemoHpc.js';
import { DemoIdentity } from './DemoIdentity.js';
import { DemoImages } from './DemoImages.js';
import { DemoInstanceChanges } from './DemoInstanceChanges.js';
import { DemoMetrics } from './DemoMetrics.js';
import { DemoNetwork } from './DemoNetwork.js';
import { DemoRemoteCommands } from './DemoRemoteCommands.js';
import { DemoRoles } from './DemoRoles.js';
import { DemoSchedules } from './DemoSchedules.js';
import { DemoServiceSecrets } from './DemoServiceSecrets.js';
import { DemoStorage } from './DemoStorage.js';
import { DemoStore } from './DemoStore.js';
import { DemoStudio } from './DemoStudio.js';
import { parseDemoFaults } from './demoFaults.js';
import { demoSpeed } from './demoPace.js';
import { DemoFsx } from './fsx/DemoFsx.js';

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

/** The built-in simulated AWS account: same interfaces as the AWS adapters, state in the state dir. */
export function createDemoAccount({ stateDir, env, region, now }: DemoAccountOptions): DemoAccount {
  const store = new DemoStore(stateDir);
  const speed = demoSpeed(env);
  const faults = parseDemoFaults(env.CWS_DEMO_FAULTS);
  const defaultRegion = region ?? 'us-east-1';
  const regions = DEMO_REGIONS.includes(defaultRegion) ? DEMO_REGIONS : [defaultRegion, ...DEMO_REGIONS];
  const compute = new DemoCompute({ store, speed, faults, ...(now ? { now } : {}) });
  return {
    kind: 'demo',
    store,
    regions,
    defaultRegion,
    identity: new DemoIdentity(),
    compute,
    images: new DemoImages(),
    network: new DemoNetwork(store, faults.noDefaultVpcRegions ?? []),
    storage: new DemoStorage(store, speed, now),
    studio: new DemoStudio({ store, speed, env, ...(now ? { now } : {}) }),
    roles: new DemoRoles(env),
    commands: new DemoRemoteCommands(compute, now),
    blockStorage: new DemoBlockStorage(store, speed, now),
    instanceChanges: new DemoInstanceChanges(store, now),
    schedules: new DemoSchedules(store),
    metrics: new DemoMetrics(compute),
    secrets: new DemoServiceSecrets(compute),
    hpc: new DemoHpc({ stateDir, speed, faults: env.CWS_DEMO_HPC_FAULTS, ...(now ? { now } : {}) }),
    bigdata: createDemoBigData({ stateDir, speed, ...(now ? { now } : {}) }),
    analytics: demoAnalytics(stateDir, speed, now),
    fsx: new DemoFsx(stateDir, speed, now),
    storagePrices: { pricesFor: async () => STORAGE_PRICES },
    globus: new DemoGlobusAuth(),
  };
}
