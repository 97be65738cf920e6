import { lazyPort, loadOnce } from '../ports/lazyPort.js';
import type { BigDataPort } from './ports.js';

/** EMR's ports, their adapters (and SDK clients) imported together on the first call to any. */
export function lazyBigDataPort(load: () => Promise<BigDataPort>): BigDataPort {
  const emr = loadOnce(load);
  return {
    serverless: lazyPort(async () => (await emr()).serverless, {}),
    clusters: lazyPort(async () => (await emr()).clusters, {}),
    staging: lazyPort(async () => (await emr()).staging, {}),
    roles: lazyPort(async () => (await emr()).roles, {}),
    studio: lazyPort(async () => (await emr()).studio, {}),
  };
}
