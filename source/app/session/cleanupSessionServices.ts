import {
  cleanupStudio,
  type StudioCleanupOptions,
  type StudioCleanupResult,
} from '../../core/services/cleanupStudio.js';
import type { CloudSessionOptions } from './CloudSessionOptions.js';
import { DEMO_STUDIO_POLLING } from './demoPolling.js';

/** Cleans up SageMaker Studio in each of the session's regions, one after the other. */
export async function cleanupSessionServices(
  { account, info }: CloudSessionOptions,
  options: StudioCleanupOptions,
): Promise<Array<StudioCleanupResult & { region: string }>> {
  const results: Array<StudioCleanupResult & { region: string }> = [];
  for (const region of info.regions) {
    const result = await cleanupStudio(account.studio, region, {
      ...options,
      ...(account.kind === 'demo' ? { polling: DEMO_STUDIO_POLLING } : {}),
    });
    results.push({ ...result, region });
  }
  return results;
}
