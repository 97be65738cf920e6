import { CloudError } from '../CloudError.js';
import type { StudioPort, StudioStatus } from '../ports.js';
import { STUDIO_DOMAIN_NAME } from './sageMakerNames.js';
import { isLiveApp } from './studioRows.js';
import { DEFAULT_STUDIO_POLLING, type StudioPolling, waitForStudioStatus } from './waitForStudioStatus.js';

export interface StudioCleanupOptions {
  /** Delete the domain too (its home EFS is kept by SageMaker's retention policy). */
  deleteDomain: boolean;
  polling?: StudioPolling;
  onStep?: (line: string) => void;
}

export interface StudioCleanupResult {
  domains: number;
  apps: number;
  spaces: number;
  user_profiles: number;
  domain_deleted: boolean;
  /** Home EFS file systems the deleted domains left (SageMaker retains them; storage lists them). */
  retained_home_file_systems: string[];
}

/**
 * Removes the app's SageMaker resources in a region in the only order SageMaker accepts: apps, then
 * spaces, then user profiles, then (only when asked) the domain, waiting for each step to finish
 * because a space with an app, or a profile with a space, cannot be deleted.
 */
export async function cleanupStudio(
  studio: StudioPort,
  region: string,
  options: StudioCleanupOptions,
): Promise<StudioCleanupResult> {
  const polling = options.polling ?? DEFAULT_STUDIO_POLLING;
  const say = options.onStep ?? (() => {});
  const result: StudioCleanupResult = {
    domains: 0,
    apps: 0,
    spaces: 0,
    user_profiles: 0,
    domain_deleted: false,
    retained_home_file_systems: [],
  };
  // Every app type: one the app never launches (Studio Classic's JupyterServer, a KernelGateway)
  // still blocks DeleteUserProfile with ResourceInUse.
  const listApps = (domainId: string) => studio.listApps(region, domainId, { every_type: true });
  const domains = (await studio.listDomains(region)).filter(
    (domain) =>
      domain.name === STUDIO_DOMAIN_NAME && domain.status !== 'Deleted' && domain.status !== 'Deleting',
  );
  for (const domain of domains) {
    result.domains++;
    const apps = (await listApps(domain.id)).filter(isLiveApp);
    for (const app of apps) await studio.deleteApp(region, app);
    result.apps += apps.length;
    say(`deleting ${apps.length} app(s) in ${domain.id}`);
    await waitUntilNone(
      `apps of ${domain.id}`,
      async () => (await listApps(domain.id)).filter(isLiveApp),
      polling,
    );
    // An app that is Deleting still blocks its space: wait for those too.
    await waitUntilNone(
      `apps of ${domain.id}`,
      async () => (await listApps(domain.id)).filter((app) => app.status === 'Deleting'),
      polling,
    );

    const spaces = (await studio.listSpaces(region, domain.id)).filter(
      (space) => space.status !== 'Deleting',
    );
    for (const space of spaces) await studio.deleteSpace(region, domain.id, space.name);
    result.spaces += spaces.length;
    say(`deleting ${spaces.length} space(s) in ${domain.id}`);
    await waitUntilNone(`spaces of ${domain.id}`, () => studio.listSpaces(region, domain.id), polling);

    const profiles = (await studio.listUserProfiles(region, domain.id)).filter(
      (profile) => profile.status !== 'Deleting',
    );
    for (const profile of profiles) await studio.deleteUserProfile(region, domain.id, profile.name);
    result.user_profiles += profiles.length;
    say(`deleting ${profiles.length} user profile(s) in ${domain.id}`);
    await waitUntilNone(
      `user profiles of ${domain.id}`,
      () => studio.listUserProfiles(region, domain.id),
      polling,
    );

    if (options.deleteDomain) {
      const { retained_home_efs_file_system_id: home } = await studio.deleteDomain(region, domain.id);
      say(`deleting the domain ${domain.id}`);
      if (home) {
        result.retained_home_file_systems.push(home);
        say(
          `kept its home EFS ${home} (the users' files): listed in storage; delete it with: cws-tui storage delete ${home} --region ${region} --yes`,
        );
      }
      const outcome = await waitForStudioStatus(
        async () => (await studio.listDomains(region)).find((candidate) => candidate.id === domain.id),
        ['gone'],
        polling,
      );
      if (outcome.outcome !== 'reached')
        throw stuck(`the domain ${domain.id}`, outcome.outcome === 'failed' ? outcome.reason : 'timed out');
      result.domain_deleted = true;
    }
  }
  return result;
}

async function waitUntilNone(
  what: string,
  list: () => Promise<Array<{ status: StudioStatus; failure_reason?: string }>>,
  polling: StudioPolling,
): Promise<void> {
  const outcome = await waitForStudioStatus(
    async () => {
      const remaining = (await list()).filter((item) => item.status !== 'Deleted');
      const failed = remaining.find((item) => item.status === 'Delete_Failed' || item.status === 'Failed');
      if (failed) return failed;
      return remaining.length === 0 ? undefined : { status: 'Deleting' as const };
    },
    ['gone'],
    polling,
  );
  if (outcome.outcome === 'failed') throw stuck(what, outcome.reason);
  if (outcome.outcome === 'timeout') throw stuck(what, `still ${outcome.status}`);
}

function stuck(what: string, reason: string): CloudError {
  return new CloudError({
    kind: 'conflict',
    code: 'CleanupIncomplete',
    message: `cleanup stopped: ${what} could not be deleted (${reason})`,
    hint: 'Nothing after this step was deleted; see the SageMaker console, then run the cleanup again.',
    retryable: true,
  });
}
