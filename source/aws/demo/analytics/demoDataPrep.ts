import type { DataPrepPort } from '../../../core/analytics/dataPrepPorts.js';
import type { DemoAnalyticsStore } from './DemoAnalyticsStore.js';
import { DemoDataPrepRoles } from './DemoDataPrepRoles.js';
import { DemoGlueCrawlers } from './DemoGlueCrawlers.js';
import { DemoLogEvents } from './DemoLogEvents.js';

/** The demo account's Glue crawlers, data-preparation roles and logs, in the analytics state file. */
export function demoDataPrep(store: DemoAnalyticsStore, speed: number, now?: () => number): DataPrepPort {
  return {
    glue: new DemoGlueCrawlers(store, speed, now),
    roles: new DemoDataPrepRoles(),
    logs: new DemoLogEvents(store, speed, now),
  };
}
