import type { BigDataPort } from '../../../core/bigdata/ports.js';
import { DemoBigDataStore } from './DemoBigDataStore.js';
import { DemoEmrClusters } from './DemoEmrClusters.js';
import { DemoEmrServerless } from './DemoEmrServerless.js';
import { DemoEmrStudio } from './DemoEmrStudio.js';
import { DemoJobRole } from './DemoJobRole.js';
import { DemoStaging } from './DemoStaging.js';

/** The demo account's EMR: state in `demo-bigdata.json` of the state dir, paced by CWS_DEMO_SPEED. */
export function createDemoBigData(options: {
  stateDir: string;
  speed: number;
  now?: () => number;
}): BigDataPort {
  const store = new DemoBigDataStore(options.stateDir);
  const now = options.now ?? Date.now;
  const serverless = new DemoEmrServerless(store, options.speed, now);
  return {
    serverless,
    clusters: new DemoEmrClusters(store, options.speed, now),
    staging: new DemoStaging(store, serverless),
    roles: new DemoJobRole(store),
    studio: new DemoEmrStudio(store, now),
  };
}
