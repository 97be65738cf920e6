import { openTeamFor, type TeamStoreSetting } from '../app/session/openTeamStore.js';
import type { Profile } from '../core/config/profileSchema.js';
import type { ResearchUserStore } from '../core/identity/ResearchUserStore.js';
import { resolveAppPaths } from '../core/paths.js';
import type { TeamStore } from '../core/team/TeamStore.js';
import { TeamStoreError } from '../core/team/TeamStoreError.js';
import { CliError, usageError } from './CliError.js';
import type { CommandContext } from './Command.js';
import { openConfigForCommand } from './profilesCommand.js';

export interface CommandTeam {
  setting: TeamStoreSetting;
  profile?: Profile;
  team?: TeamStore;
  unavailable?: string;
  users: ResearchUserStore;
}

/** The team store of the profile a command runs as (`--profile`, or the current one). */
export async function openTeamForCommand(
  context: CommandContext,
  profileName?: string,
): Promise<CommandTeam> {
  const config = openConfigForCommand(context);
  const name = profileName ?? context.flags.profile;
  const profile = name ? config.getProfile(name) : config.currentProfile();
  if (name && !profile) throw new CliError(`no profile named '${name}'`);
  const createdBy = profile?.research_user ?? profile?.name ?? context.env.USER ?? 'unknown';
  try {
    const opened = await openTeamFor(context.env, resolveAppPaths(context.env), profile, createdBy);
    return { ...opened, ...(profile ? { profile } : {}) };
  } catch (error) {
    if (error instanceof TeamStoreError) {
      throw error.kind === 'invalid' ? usageError(error.message) : new CliError(error.message);
    }
    throw error;
  }
}

/** The store itself, for what cannot work without it (invitations, `team status`). */
export function requireTeamStore(team: CommandTeam): TeamStore {
  if (team.team) return team.team;
  throw new CliError(`the team store cannot be reached: ${team.unavailable ?? 'unknown reason'}`);
}
