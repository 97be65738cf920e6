import { join } from 'node:path';
import type { Profile } from '../../core/config/profileSchema.js';
import { TEAM_TABLE_PATTERN } from '../../core/config/profileSchema.js';
import type { ResearchUserStore } from '../../core/identity/ResearchUserStore.js';
import type { AppPaths } from '../../core/paths.js';
import { CachedResearchUserStore } from '../../core/team/CachedResearchUserStore.js';
import { checkTeamFormat } from '../../core/team/checkTeamFormat.js';
import { FileTeamStore } from '../../core/team/FileTeamStore.js';
import { ImportingResearchUserStore } from '../../core/team/ImportingResearchUserStore.js';
import { importResearchUsersFile } from '../../core/team/importResearchUsersFile.js';
import { LazyTeamStore } from '../../core/team/LazyTeamStore.js';
import { TeamResearchUserStore } from '../../core/team/TeamResearchUserStore.js';
import { describeTeamStore, type TeamStore } from '../../core/team/TeamStore.js';
import { TeamStoreError } from '../../core/team/TeamStoreError.js';
import { localPrivateKeyPath } from './localPrivateKeyPath.js';

/** Which store a session uses: the environment's, the profile's table, or this machine's file. */
export type TeamStoreSetting =
  | { kind: 'local' }
  | {
      kind: 'dynamodb';
      table: string;
      region: string;
      endpoint?: string;
      aws_profile?: string;
      from: 'env' | 'profile';
    };

const FALLBACK_REGION = 'us-east-1';

/**
 * `CWS_TEAM_STORE=dynamodb:<table>` (or `local`) overrides any profile's store, the demo account
 * included, so a lab can try the DynamoDB store (AWS_ENDPOINT_URL_DYNAMODB for another endpoint)
 * while the other services stay simulated; otherwise the profile's `team_store`, otherwise local.
 */
export function teamStoreSetting(
  env: NodeJS.ProcessEnv,
  profile: Pick<Profile, 'team_store' | 'region' | 'aws_profile'> | undefined,
): TeamStoreSetting {
  const raw = env.CWS_TEAM_STORE?.trim();
  const dynamo = (table: string, from: 'env' | 'profile'): TeamStoreSetting => ({
    kind: 'dynamodb',
    table,
    region: profile?.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? FALLBACK_REGION,
    ...(env.AWS_ENDPOINT_URL_DYNAMODB ? { endpoint: env.AWS_ENDPOINT_URL_DYNAMODB } : {}),
    // The environment's store uses the environment's credentials (AWS_PROFILE, keys): it is how
    // the demo account and tests reach a table; a profile's store uses the profile's AWS profile.
    ...(profile && from === 'profile' ? { aws_profile: profile.aws_profile } : {}),
    from,
  });
  if (raw) {
    if (raw === 'local') return { kind: 'local' };
    const table = /^dynamodb:(.+)$/.exec(raw)?.[1];
    if (!table || !TEAM_TABLE_PATTERN.test(table)) {
      throw new TeamStoreError(
        'invalid',
        `CWS_TEAM_STORE must be 'dynamodb:<table>' (a table name of 3-255 letters, digits, _ . -) or 'local', got '${raw}'`,
      );
    }
    return dynamo(table, 'env');
  }
  return profile?.team_store ? dynamo(profile.team_store, 'profile') : { kind: 'local' };
}

export function localTeamStorePath(paths: AppPaths): string {
  return join(paths.configDir, 'team-store.json');
}

const opened = new Map<string, Promise<TeamStore>>();

/**
 * Opens the store of a setting once per process, after checking its schema and format; the local
 * file is checked on its first use instead, so a start that never needs it never touches it.
 */
export function openTeamStore(setting: TeamStoreSetting, paths: AppPaths): Promise<TeamStore> {
  const key = JSON.stringify(setting.kind === 'local' ? [localTeamStorePath(paths)] : setting);
  let store = opened.get(key);
  if (!store) {
    store =
      setting.kind === 'local'
        ? Promise.resolve(new LazyTeamStore(new FileTeamStore(localTeamStorePath(paths))))
        : (async () => {
            const team = await (
              await import('../../aws/dynamodb/openDynamoTeamStore.js')
            ).openDynamoTeamStore({
              table: setting.table,
              region: setting.region,
              ...(setting.aws_profile ? { profile: setting.aws_profile } : {}),
              ...(setting.endpoint ? { endpoint: setting.endpoint } : {}),
            });
            await checkTeamFormat(team);
            return team;
          })();
    opened.set(key, store);
    store.catch(() => opened.delete(key));
  }
  return store;
}

/**
 * Research users live in the team store for every profile: the lab's table (read through a cache
 * of the last listing), or this machine's local store, which first takes in the old
 * `research-users.json` once. Private keys stay on this machine: their paths are found here.
 */
export function researchUserStoreFor(
  setting: TeamStoreSetting,
  team: TeamStore | undefined,
  paths: AppPaths,
  createdBy: string,
  unavailable?: string,
): ResearchUserStore {
  const privateKeyPath = localPrivateKeyPath(paths);
  if (setting.kind === 'local') {
    const local = team ?? new LazyTeamStore(new FileTeamStore(localTeamStorePath(paths)));
    return new ImportingResearchUserStore(
      new TeamResearchUserStore(local, { created_by: createdBy, privateKeyPath }),
      () => importResearchUsersFile(local, paths.configDir, createdBy),
    );
  }
  const cachePath = join(paths.cacheDir, `team-users-${setting.table}.json`);
  if (!team) return new CachedResearchUserStore(undefined, cachePath, unavailable);
  const users = new TeamResearchUserStore(team, { created_by: createdBy, privateKeyPath });
  return new CachedResearchUserStore(users, cachePath);
}

/** The store and its users for a session or a command; an unreachable table becomes a reason. */
export async function openTeamFor(
  env: NodeJS.ProcessEnv,
  paths: AppPaths,
  profile: Pick<Profile, 'team_store' | 'region' | 'aws_profile'> | undefined,
  createdBy: string,
): Promise<{ setting: TeamStoreSetting; team?: TeamStore; unavailable?: string; users: ResearchUserStore }> {
  const setting = teamStoreSetting(env, profile);
  try {
    const team = await openTeamStore(setting, paths);
    return { setting, team, users: researchUserStoreFor(setting, team, paths, createdBy) };
  } catch (error) {
    // A table refused for its schema or format must never be written: only an outage falls back.
    if (!(error instanceof TeamStoreError) || error.kind !== 'unreachable') throw error;
    return {
      setting,
      unavailable: error.message,
      users: researchUserStoreFor(setting, undefined, paths, createdBy, error.message),
    };
  }
}

/** A session's store: never throws, so the app opens; what needs the store is refused with the reason. */
export async function openSessionTeamStore(
  env: NodeJS.ProcessEnv,
  paths: AppPaths,
  profile: Profile | undefined,
  createdBy: string,
  notices: string[],
): Promise<{
  team?: TeamStore;
  unavailable?: string;
  users: ResearchUserStore;
  description: string;
  /** What the header says: `local` or `dynamodb:<table>`, and whether it is usable. */
  label: string;
}> {
  let setting: TeamStoreSetting = { kind: 'local' };
  try {
    setting = teamStoreSetting(env, profile);
    const opened = await openTeamFor(env, paths, profile, createdBy);
    const where = opened.team ? describeTeamStore(opened.team.location) : describeSetting(setting);
    if (opened.unavailable) notices.push(`the team store cannot be reached: ${opened.unavailable}`);
    const label = setting.kind === 'local' ? 'local' : `dynamodb:${setting.table}`;
    return {
      ...opened,
      description: opened.unavailable ? `${where} (unreachable)` : where,
      label: opened.unavailable ? `${label} (unreachable)` : label,
    };
  } catch (error) {
    const reason = (error as Error).message;
    notices.push(`the team store is not usable: ${reason}`);
    return {
      unavailable: reason,
      users: researchUserStoreFor(setting, undefined, paths, createdBy, reason),
      description: `${describeSetting(setting)} (not usable)`,
      label: `${setting.kind === 'local' ? 'local' : `dynamodb:${setting.table}`} (not usable)`,
    };
  }
}

function describeSetting(setting: TeamStoreSetting): string {
  return setting.kind === 'local' ? 'local file' : `DynamoDB table ${setting.table} (${setting.region})`;
}
