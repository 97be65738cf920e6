import { appendAuditEvent } from '../../core/audit/appendAuditEvent.js';
import type { PriceCatalog } from '../../core/cost/PriceCatalog.js';
import type { ResearchUser } from '../../core/identity/ResearchUser.js';
import type { OperationsContext } from '../../core/operations/OperationsContext.js';
import type { CloudSessionOptions } from './CloudSessionOptions.js';
import { DEMO_POLLING } from './demoPolling.js';

/** The facts every operation (storage, clusters, analytics...) runs with, from a session. */
export function sessionOperationsContext(
  options: CloudSessionOptions,
  prices: PriceCatalog,
  researchUser: () => Promise<ResearchUser>,
): OperationsContext {
  const stateDir = options.paths.stateDir;
  return {
    account: options.account,
    profile: options.profile,
    prices,
    ...(options.livePrices ? { livePrices: options.livePrices } : {}),
    stateDir,
    configDir: options.paths.configDir,
    pollIntervalMs: options.account.kind === 'demo' ? DEMO_POLLING.intervalMs : 2_000,
    researchUser,
    findResearchUser: (username) => options.users.get(username),
    audit: (event) => appendAuditEvent(stateDir, event),
  };
}
