import { lazyPort, loadOnce } from '../ports/lazyPort.js';
import type { AnalyticsPort } from './ports.js';

/** The analytics services, their adapters (and SDK clients) imported together on the first call to any. */
export function lazyAnalyticsPort(load: () => Promise<AnalyticsPort>): AnalyticsPort {
  const analytics = loadOnce(load);
  return {
    athena: lazyPort(async () => (await analytics()).athena, {}),
    catalog: lazyPort(async () => (await analytics()).catalog, {}),
    databrew: lazyPort(async () => (await analytics()).databrew, {}),
    dataprep: {
      glue: lazyPort(async () => (await analytics()).dataprep.glue, {}),
      roles: lazyPort(async () => (await analytics()).dataprep.roles, {}),
      logs: lazyPort(async () => (await analytics()).dataprep.logs, {}),
    },
    quicksight: lazyPort(async () => (await analytics()).quicksight, {}),
    codecatalyst: lazyPort(async () => (await analytics()).codecatalyst, {}),
  };
}
