import { LaunchError } from '../../core/launch/LaunchError.js';
import type { LaunchProgress } from '../../core/launch/LaunchProgress.js';
import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import { type LaunchResult, launchWorkstation } from '../../core/launch/launchWorkstation.js';
import { NetworkSettingsStore } from '../../core/network/NetworkSettingsStore.js';
import { renderUserData } from '../../core/provisioning/renderUserData.js';
import { resolveTemplate } from '../../core/templates/resolveTemplate.js';
import { DEMO_POLLING } from './demoPolling.js';
import {
  budgetFacts,
  gatherLaunchFacts,
  type LaunchFactsSource,
  sessionProjectBudgetBlock,
} from './gatherLaunchFacts.js';

/**
 * One launch in a session: the lab's chain, store budgets and project budget first (each refuses
 * with its reason), then the one launch pipeline with the session's facts.
 */
export async function launchInSession(
  source: LaunchFactsSource,
  request: LaunchRequest,
  onProgress: ((progress: LaunchProgress) => void) | undefined,
  dryRun: boolean,
): Promise<LaunchResult> {
  const { options } = source;
  const { check, registry, blocked, identity } = await gatherLaunchFacts(source);
  if (blocked)
    throw new LaunchError('check-policy', blocked, 'cws-tui cost shows what is running and what it costs.');
  await options.team?.checkChain();
  const project = request.project ?? options.profile.project;
  await options.team?.checkBudgets({ research_user: check.researchUser.username, project }, () =>
    budgetFacts(source),
  );
  const projectBlocked = await sessionProjectBudgetBlock(source, project);
  if (projectBlocked)
    throw new LaunchError('check-policy', projectBlocked, 'cws-tui project show <project> shows its spend.');
  return launchWorkstation(
    request,
    {
      ...check,
      owner: identity.arn,
      resolveTemplate: (reference) => resolveTemplate(reference, registry),
      renderUserData,
      audit: options.audit,
      network: (region) =>
        new NetworkSettingsStore(options.paths.configDir).choice(options.profile.name, region),
      dryRun,
      ...(options.team ? { claimLaunch: options.team.claimLaunch() } : {}),
      ...(options.account.kind === 'demo' ? { polling: DEMO_POLLING } : {}),
    },
    onProgress,
  );
}
