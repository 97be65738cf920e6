import { createDemoAccount } from '../../aws/demo/createDemoAccount.js';
import { snapshotPriceCatalog } from '../../core/cost/priceTable.js';
import { resolveAppPaths } from '../../core/paths.js';
import { CloudSession } from './CloudSession.js';
import type { Session } from './Session.js';

export interface OpenSessionOptions {
  env: NodeJS.ProcessEnv;
  demo: boolean;
  region?: string | undefined;
  profile?: string | undefined;
}

/**
 * The composition root: picks the account (the demo account unless AWS credentials are found or
 * asked for), the profile and its policy, and wires the core to them.
 */
export async function openSession({ env, region }: OpenSessionOptions): Promise<Session> {
  const paths = resolveAppPaths(env);
  const account = createDemoAccount({ stateDir: paths.stateDir, env, ...(region ? { region } : {}) });
  const notices: string[] = [];
  await account.store.read();
  if (account.store.recoveredFrom) notices.push(account.store.recoveredFrom);
  return new CloudSession(
    {
      account_kind: 'demo',
      profile: 'demo',
      region: account.defaultRegion,
      regions: account.regions,
      notices,
    },
    account,
    snapshotPriceCatalog,
  );
}
