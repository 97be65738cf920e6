import type { StudioApp } from '../ports.js';
import { isLiveApp } from './studioRows.js';

export function sameOwner(a: StudioApp['owner'], b: StudioApp['owner']): boolean {
  return 'space' in a ? 'space' in b && a.space === b.space : 'profile' in b && a.profile === b.profile;
}

/** Canvas apps, the newest per user profile (SageMaker keeps deleted ones listed for a while). */
export function latestCanvasApps(apps: readonly StudioApp[]): StudioApp[] {
  const latest = new Map<string, StudioApp>();
  for (const app of apps) {
    if (app.type !== 'Canvas' || !('profile' in app.owner)) continue;
    const seen = latest.get(app.owner.profile);
    if (
      !seen ||
      (isLiveApp(app) && !isLiveApp(seen)) ||
      (isLiveApp(app) === isLiveApp(seen) && app.created_at > seen.created_at)
    ) {
      latest.set(app.owner.profile, app);
    }
  }
  return [...latest.values()];
}
