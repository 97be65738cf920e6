import { openTeamFor } from '../app/session/openTeamStore.js';
import { TEAM_TABLE_PATTERN } from '../core/config/profileSchema.js';
import { decodeInvitationToken } from '../core/identity/invitationToken.js';
import { resolveAppPaths } from '../core/paths.js';
import { TeamStoreError } from '../core/team/TeamStoreError.js';
import { CliError, usageError } from './CliError.js';
import type { CommandContext } from './Command.js';
import type { CommandTeam } from './openTeamForCommand.js';

/**
 * The store an invitation is accepted into: the lab's table named by `--team-store` (or
 * CWS_TEAM_STORE), in the invited profile's region and AWS profile, or this machine's file.
 */
export async function openTeamForAccept(context: CommandContext, token: string): Promise<CommandTeam> {
  const { flags, env } = context;
  if (flags.teamStore !== undefined && !TEAM_TABLE_PATTERN.test(flags.teamStore)) {
    throw usageError(
      `--team-store takes a DynamoDB table name (3-255 letters, digits, _ . -), got '${flags.teamStore}'`,
    );
  }
  // Decoded here only for the region and AWS profile; acceptInvitation checks it fully.
  const payload = decodeInvitationToken(token, new Date());
  const target = {
    region: payload.profile.region,
    aws_profile: payload.profile.aws_profile,
    ...(flags.teamStore !== undefined ? { team_store: flags.teamStore } : {}),
  };
  try {
    const createdBy = flags.user ?? payload.username ?? 'invitee';
    return await openTeamFor(env, resolveAppPaths(env), target, createdBy);
  } catch (error) {
    if (error instanceof TeamStoreError) throw new CliError(error.message);
    throw error;
  }
}
