import { resolveAwsRegion } from '../../aws/awsSharedConfig.js';
import { createDemoAccount } from '../../aws/demo/createDemoAccount.js';
import { hasAwsCredentials } from '../../aws/detectCredentials.js';
import { appendAuditEvent } from '../../core/audit/appendAuditEvent.js';
import { ConfigStore } from '../../core/config/ConfigStore.js';
import type { Profile } from '../../core/config/profileSchema.js';
import type { Budget } from '../../core/cost/Budget.js';
import { snapshotPriceCatalog } from '../../core/cost/priceTable.js';
import { ReplaceablePriceCatalog } from '../../core/cost/ReplaceablePriceCatalog.js';
import { SimulatedSpotPriceSource } from '../../core/cost/SimulatedSpotPriceSource.js';
import { configRefusal } from '../../core/identity/configRefusal.js';
import { enforcedProfile, REFUSE_EVERYTHING } from '../../core/identity/enforcedProfile.js';
import { noProfileRefusal } from '../../core/identity/noProfileRefusal.js';
import { PinnedRootStore } from '../../core/identity/PinnedRootStore.js';
import { loadRootTrust, type RootTrust } from '../../core/identity/RootTrust.js';
import type { LaunchProfile } from '../../core/launch/launchChecks.js';
import { type AppPaths, resolveAppPaths } from '../../core/paths.js';
import { type CloudAccount, TAG } from '../../core/ports.js';
import { appendTeamAudit } from '../../core/team/appendTeamAudit.js';
import type { TeamStore } from '../../core/team/TeamStore.js';
import { TeamBudgetAlertStore, teamBudget } from '../../core/team/teamBudgets.js';
import { CloudSession, type CloudSessionOptions } from './CloudSession.js';
import { DEMO_ACCOUNT_PROFILE } from './demoAccountProfile.js';
import { openSessionTeamStore } from './openTeamStore.js';
import type { Session } from './Session.js';
import { SessionError } from './SessionError.js';
import { SessionProfiles } from './SessionProfiles.js';
import { SessionTeam } from './SessionTeam.js';

export interface OpenSessionOptions {
  env: NodeJS.ProcessEnv;
  demo: boolean;
  region?: string | undefined;
  profile?: string | undefined;
}

const CREDENTIAL_PROBE_MS = 300;
const FALLBACK_REGION = 'us-east-1';

/**
 * The composition root: picks the profile, the account (the demo account unless a profile or
 * AWS credentials say otherwise, or `--demo` forces it) and wires the core to them.
 */
export async function openSession(options: OpenSessionOptions): Promise<Session> {
  const { env } = options;
  const paths = resolveAppPaths(env);
  const notices: string[] = [];
  const config = ConfigStore.open(paths.configDir);
  const trust = await loadRootTrust(env, new PinnedRootStore(paths.stateDir));
  const refusal = configRefusal(config.problems, trust);
  for (const problem of config.problems) {
    notices.push(
      `the config file had a problem at ${problem.key}: ${problem.message}; it was kept as ${problem.backup_path}${refusal ? '' : ' and defaults are used'}`,
    );
  }
  if (refusal) notices.push(refusal);
  const chosen = chooseProfile(config, options.profile);
  const profile = chosen ? governedProfile(chosen, trust, notices) : undefined;
  const region = options.region ?? profile?.region;
  const account = await chooseAccount(options, profile, region, paths, notices);
  const launchProfile: LaunchProfile = profile
    ? { name: profile.name, policy: refusal ? REFUSE_EVERYTHING : profile.policy, role: profile.role }
    : // No cws-tui profile: the user's own account (or the demo), with no institutional policy,
      // unless the config could not be read or the machine allows only invited profiles.
      ownAccountProfile(account.kind === 'demo' ? 'demo' : 'default', Boolean(refusal), trust, notices);
  const team = await openSessionTeamStore(
    env,
    paths,
    profile,
    profile?.research_user ?? launchProfile.name,
    notices,
  );
  const labBudget = team.team ? await readLabBudget(team.team, notices) : undefined;
  const prices = new ReplaceablePriceCatalog(snapshotPriceCatalog);
  const costSources =
    account.kind === 'aws'
      ? (await import('../../aws/pricing/awsCostSources.js')).awsCostSources({
          catalog: prices,
          regions: account.regions,
          cacheDir: paths.cacheDir,
          notices,
          session: profile ? { profile: profile.aws_profile } : {},
          costExplorer: profile?.cost_explorer === true,
          cacheKey: `aws-${launchProfile.name}`,
        })
      : demoCostSources(prices, profile);
  return new CloudSession({
    info: {
      account_kind: account.kind,
      profile: launchProfile.name,
      region: account.defaultRegion,
      regions: account.regions,
      ...(profile?.research_user ? { research_user: profile.research_user } : {}),
      team_store: team.label,
      notices,
    },
    account,
    profile: launchProfile,
    prices,
    ...costSources,
    ...(profile?.discounts ? { discounts: profile.discounts } : {}),
    paths,
    env,
    verifiedProfiles: new SessionProfiles(paths, env, trust),
    users: team.users,
    audit: teamAudit(paths, team.team, launchProfile.name, notices),
    team: new SessionTeam({
      ...(team.team ? { store: team.team } : {}),
      ...(team.unavailable ? { unavailable: team.unavailable } : {}),
      profile: launchProfile.name,
      ...(profile?.invitation_id ? { invitation_id: profile.invitation_id } : {}),
      cap: launchProfile.policy.max_running_per_user,
      instances: async () =>
        (await account.compute.listInstances({ regions: account.regions, tags: { [TAG.managed]: 'true' } }))
          .items,
      notices,
    }),
    ...(labBudget
      ? {
          budget: labBudget,
          budgetAlerts: { key: 'lab', store: new TeamBudgetAlertStore(labStore(team.team)) },
        }
      : profile?.budget
        ? { budget: profile.budget }
        : {}),
  });
}

/**
 * The audit log: this machine's file always, and the lab's store when there is one (a store that
 * fails to take it leaves a notice; the local line is already written).
 */
function teamAudit(
  paths: AppPaths,
  store: TeamStore | undefined,
  by: string,
  notices: string[],
): CloudSessionOptions['audit'] {
  return async (event) => {
    await appendAuditEvent(paths.stateDir, event);
    if (!store) return;
    await appendTeamAudit(store, event, by).catch((error: unknown) => {
      notices.push(`the audit event was not written to the team store: ${(error as Error).message}`);
    });
  };
}

/** The lab's budget in the team store, which every member's session compares the account's spend with. */
async function readLabBudget(store: TeamStore, notices: string[]): Promise<Budget | undefined> {
  try {
    return await teamBudget(store, 'LAB');
  } catch (error) {
    notices.push(`the lab budget could not be read from the team store: ${(error as Error).message}`);
    return undefined;
  }
}

function labStore(store: TeamStore | undefined): TeamStore {
  if (!store) throw new Error('a lab budget comes from a team store');
  return store;
}

/** The demo account prices from the snapshot, simulates spot prices and has no bill. */
function demoCostSources(
  prices: ReplaceablePriceCatalog,
  profile: Profile | undefined,
): Pick<CloudSessionOptions, 'spotPrices' | 'billedSpend'> {
  return {
    spotPrices: new SimulatedSpotPriceSource(prices),
    ...(profile?.cost_explorer
      ? {
          billedSpend: async () => ({
            basis: 'billed' as const,
            from_cache: false,
            error: 'not available on the demo account (it has no bill): the figures are estimates',
          }),
        }
      : {}),
  };
}

/** The profile with its signed terms in place of the config file's cache (see enforcedProfile). */
function governedProfile(profile: Profile, trust: RootTrust, notices: string[]): Profile {
  const enforced = enforcedProfile(profile, trust);
  if (enforced.problems.length > 0)
    notices.push(`profile '${profile.name}': ${enforced.problems.join('; ')}`);
  return enforced.profile;
}

/**
 * Without a cws-tui profile: the caller's own account (or the demo) with no institutional policy,
 * unless the config could not be read, this installation accepted an invitation, or the machine
 * allows only invited profiles (see noProfileRefusal). Still a member:
 * people sharing a bastion's credentials are told apart by their login (their research user).
 */
function ownAccountProfile(
  name: string,
  configRefused: boolean,
  trust: RootTrust,
  notices: string[],
): LaunchProfile {
  const refused = configRefused || noProfileRefused(trust, notices);
  return { name, policy: refused ? REFUSE_EVERYTHING : {}, role: 'member' };
}

function noProfileRefused(trust: RootTrust, notices: string[]): boolean {
  const refusal = noProfileRefusal(trust);
  if (refusal === undefined) return false;
  notices.push(refusal);
  return true;
}

function chooseProfile(config: ConfigStore, name: string | undefined): Profile | undefined {
  if (name === undefined) return config.currentProfile();
  if (name === DEMO_ACCOUNT_PROFILE) return undefined;
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
  paths: AppPaths,
  notices: string[],
): Promise<CloudAccount> {
  const { env } = options;
  // A profile names an AWS profile; without one, credentials found the usual way mean AWS too.
  // The probe is bounded: on a laptop with no instance role it must not hang the start.
  const useAws =
    !options.demo &&
    options.profile !== DEMO_ACCOUNT_PROFILE &&
    (profile !== undefined || (await hasAwsCredentials(env, { timeoutMs: CREDENTIAL_PROBE_MS })));
  if (useAws) {
    const awsProfile = profile?.aws_profile;
    const awsRegion = region ?? (await resolveAwsRegion(env, awsProfile)) ?? FALLBACK_REGION;
    const { createAwsAccount } = await import('../../aws/createAwsAccount.js');
    const { chooseCredentialSource } = await import('../../aws/credentialSource.js');
    const source = await chooseCredentialSource(env, awsProfile);
    if (source.notice) notices.push(source.notice);
    return createAwsAccount({
      region: awsRegion,
      regions: listedRegions(awsRegion, profile),
      ...(awsProfile ? { profile: awsProfile } : {}),
      cacheDir: paths.cacheDir,
    });
  }
  const account = createDemoAccount({ stateDir: paths.stateDir, env, ...(region ? { region } : {}) });
  await account.store.read();
  if (account.store.recoveredFrom) notices.push(account.store.recoveredFrom);
  return account;
}

/** The session's region, then the regions the policy allows by name (globs cannot be listed). */
function listedRegions(region: string, profile: Profile | undefined): string[] {
  const allowed = profile?.policy.regions?.allow?.filter((name) => !name.includes('*')) ?? [];
  return [...new Set([region, ...allowed])];
}
