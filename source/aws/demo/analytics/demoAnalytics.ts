import type { AnalyticsPort } from '../../../core/analytics/ports.js';
import { DemoAnalyticsStore } from './DemoAnalyticsStore.js';
import { DemoAthena } from './DemoAthena.js';
import { DemoCodeCatalyst } from './DemoCodeCatalyst.js';
import { DemoDataBrew } from './DemoDataBrew.js';
import { DemoDataCatalog } from './DemoDataCatalog.js';
import { DemoQuickSight } from './DemoQuickSight.js';
import { demoDataPrep } from './demoDataPrep.js';

/** The demo account's analytics services, their state in the demo state dir. */
export function demoAnalytics(stateDir: string, speed: number, now?: () => number): AnalyticsPort {
  const store = new DemoAnalyticsStore(stateDir);
  return {
    athena: new DemoAthena(store, speed, now),
    catalog: new DemoDataCatalog(store, speed, now),
    databrew: new DemoDataBrew(store, speed, now),
    dataprep: demoDataPrep(store, speed, now),
    quicksight: new DemoQuickSight(stateDir, now),
    codecatalyst: new DemoCodeCatalyst(stateDir, speed, now),
  };
}
