import { createDemoAccount } from '../../aws/demo/createDemoAccount.js';
import { appendAuditEvent } from '../../core/audit/appendAuditEvent.js';
import { ConfigStore } from '../../core/config/ConfigStore.js';
import type { Profile } from '../../core/config/profileSchema.js';
import { snapshotPriceCatalog } from '../../core/cost/priceTable.js';
import { FileResearchUserStore } from '../../core/identity/FileResearchUserStore.js';
import type { LaunchProfile } from '../../core/launch/launchWorkstation.js';
import { resolveAppPaths } from '../../core/paths.js';
import type { CloudAccount } from '../../core/ports.js';
import { CloudSession } from './CloudSession.js';
import type { Session } from './Session.js';
import { SessionError } from './SessionError.js';

export interface OpenSessionOptions {
  env: NodeJS.ProcessEnv;
  demo: boolean;
  region?: string | undefined;
  profile?: string | undefined;
}

/** The profile of a session on the demo account when no cws-tui profile is set up. */
const DEMO_PROFILE: LaunchProfile = { name: 'demo', policy: {}, role: 'admin' };

/**
 * The composition root: picks the profile, the account (the demo account unless a profile or
 * AWS credentials say otherwise, or `--demo` forces it) and wires the core to them.
 */
export async function openSession(options: OpenSessionOptions): Promise<Session> {
  const { env } = options;
  const paths = resolveAppPaths(env);
  const notices: string[] = [];
  const config = ConfigStore.open(paths.configDir);
  for (const problem of config.problems) {
    notices.push(
      `the config file had a problem at ${problem.key}: ${problem.message}; it was kept as ${problem.backup_path} and defaults are used`,
    );
  }
  const profile = chooseProfile(config, options.profile);
  const region = options.region ?? profile?.region;
  const account = await chooseAccount(options, profile, region, paths.stateDir, notices);
  const launchProfile: LaunchProfile = profile
    ? { name: profile.name, policy: profile.policy, role: profile.role }
    : { ...DEMO_PROFILE, name: account.kind === 'demo' ? 'demo' : 'default' };
  return new CloudSession({
    info: {
      account_kind: account.kind,
      profile: launchProfile.name,
      region: account.defaultRegion,
      regions: account.regions,
      ...(profile?.research_user ? { research_user: profile.research_user } : {}),
      notices,
    },
    account,
    profile: launchProfile,
    prices: snapshotPriceCatalog,
    paths,
    env,
    users: new FileResearchUserStore(paths.configDir),
    audit: (event) => appendAuditEvent(paths.stateDir, event),
  });
}

function chooseProfile(config: ConfigStore, name: string | undefined): Profile | undefined {
  if (name === undefined) return config.currentProfile();
  const profile = config.getProfile(name);
  if (!profile) {
    const known = config.listProfiles().map((p) => p.name);
    throw new SessionError(
      `no profile named '${name}'${known.length > 0 ? ` (profiles: ${known.join(', ')})` : ''}`,
    );
  }
  return profile;
}

async function chooseAccount(
  options: OpenSessionOptions,
  profile: Profile | undefined,
  region: string | undefined,
  stateDir: string,
  notices: string[],
): Promise<CloudAccount> {
  const demo = () => {
    const account = createDemoAccount({ stateDir, env: options.env, ...(region ? { region } : {}) });
    return account.store.read().then(() => {
      if (account.store.recoveredFrom) notices.push(account.store.recoveredFrom);
      return account;
    });
  };
  if (options.demo) return demo();
  return demo();
}
