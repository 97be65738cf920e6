import { ConfigStoreError } from '../core/config/ConfigStoreError.js';
import type { Profile } from '../core/config/profileSchema.js';
import { budgetSchema } from '../core/cost/Budget.js';
import { GlobusAuthError } from '../core/globus/GlobusAuthError.js';
import { createInvitation } from '../core/identity/createInvitation.js';
import { InvitationError } from '../core/identity/InvitationError.js';
import { invitationSigningKey } from '../core/identity/invitationSigningKey.js';
import { formatUtc } from '../core/identity/invitationToken.js';
import { ResearchUserStoreError } from '../core/identity/ResearchUserStoreError.js';
import { loadOrCreateSigningKey } from '../core/identity/signingKey.js';
import { usernameProblem } from '../core/identity/usernameProblem.js';
import { resolveAppPaths } from '../core/paths.js';
import { PolicyParseError } from '../core/policy/PolicyParseError.js';
import { loadPolicyFile } from '../core/policy/parsePolicy.js';
import { TeamConflictError } from '../core/team/TeamConflictError.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { type GlobusCommandIo, processGlobusIo } from './globus/GlobusCommandIo.js';
import { globusRequirementOf } from './globus/invitationGlobus.js';
import { governedProfileForCommand } from './governedProfileForCommand.js';
import { runAccept } from './inviteAccept.js';
import { openConfigForCommand } from './profilesCommand.js';
import { recordCreatedInvitation, runInvitationList, runInvitationRevoke } from './teamInvitations.js';

const SUBCOMMANDS = 'create <profile-name>, accept <token>, list or revoke <id>';
const DEFAULT_EXPIRY = '7d';
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const MAX_EXPIRY_DAYS = 366;
const MAX_EXPIRY_MS = MAX_EXPIRY_DAYS * 86_400_000;

/** `7d`, `12h`, `30m`, or an ISO date: when the invitation stops being accepted. */
export function parseExpiry(text: string, now: Date): Date {
  const relative = /^(\d+)([mhd])$/.exec(text.trim());
  const expiry = relative
    ? new Date(now.getTime() + Number(relative[1]) * (UNIT_MS[relative[2] ?? 'd'] ?? 0))
    : /^\d{4}-\d{2}-\d{2}/.test(text)
      ? new Date(text)
      : new Date(Number.NaN);
  if (Number.isNaN(expiry.getTime()) && !relative) {
    throw usageError(
      `--expires takes a duration like 7d, 12h or 30m, or a date like 2026-12-01T12:00Z (got '${text}')`,
    );
  }
  // An invitation is a secret while it is valid: a year is the most it may stay one.
  if (Number.isNaN(expiry.getTime()) || expiry.getTime() - now.getTime() > MAX_EXPIRY_MS) {
    throw usageError(`--expires is at most ${MAX_EXPIRY_DAYS} days ahead (got '${text}')`);
  }
  if (expiry.getTime() <= now.getTime()) throw usageError(`--expires must be in the future (got '${text}')`);
  return expiry;
}

async function runCreate(context: CommandContext, profileName: string): Promise<number> {
  const { flags, stdout, env } = context;
  const config = openConfigForCommand(context);
  const cached: Profile | undefined = flags.profile
    ? config.getProfile(flags.profile)
    : config.currentProfile();
  if (!cached) {
    throw new CliError(
      flags.profile
        ? `no profile named '${flags.profile}'`
        : 'no profile is current; invitations are issued from a profile',
    );
  }
  if (flags.user !== undefined) {
    const problem = usernameProblem(flags.user);
    if (problem) throw usageError(`--user: ${problem}`);
  }
  const expiresAt = parseExpiry(flags.expires ?? DEFAULT_EXPIRY, new Date());
  const requireGlobus = globusRequirementOf(flags);
  // What the issuer may hand on is what its own invitation signed, not what the config file says.
  const governed = await governedProfileForCommand(context, cached);
  if (governed.refused) {
    throw new CliError(
      `the profile '${cached.name}' may not invite: ${governed.problems.join('; ')}`,
      EXIT.denied,
    );
  }
  const issuer = governed.profile;
  if (flags.budget !== undefined && !(flags.budget > 0))
    throw usageError('--budget is a monthly amount in USD, above 0');
  let policy: Profile['policy'] | undefined;
  if (flags.policy) {
    try {
      policy = await loadPolicyFile(flags.policy);
    } catch (error) {
      if (error instanceof PolicyParseError)
        throw new CliError(`the policy file is not valid:\n${error.message}`);
      throw error;
    }
  }
  const now = new Date();
  const signingKey = invitationSigningKey(
    issuer,
    await loadOrCreateSigningKey(resolveAppPaths(env).stateDir),
  );
  const { token, payload } = createInvitation(
    issuer,
    signingKey,
    {
      profile_name: profileName,
      aws_profile: flags.awsProfile ?? issuer.aws_profile,
      ...(issuer.aws_account_id !== undefined ? { aws_account_id: issuer.aws_account_id } : {}),
      region: flags.region ?? issuer.region,
      ...(flags.user !== undefined ? { username: flags.user } : {}),
      ...(policy !== undefined ? { policy } : {}),
      ...(flags.budget !== undefined ? { budget: budgetSchema.parse({ monthly_limit: flags.budget }) } : {}),
      expires_at: expiresAt,
      can_invite: flags.canInvite,
      ...(requireGlobus ? { require_globus: requireGlobus } : {}),
    },
    now,
  );
  const teamTable = await recordCreatedInvitation(context, issuer, payload);
  if (flags.json) {
    stdout(
      `${JSON.stringify(
        {
          token,
          id: payload.id,
          expires_at: payload.expires_at,
          issuer: payload.issuer,
          issuer_fingerprint: signingKey.fingerprint,
          profile: payload.profile,
          username: payload.username ?? null,
          policy: payload.policy,
          budget: payload.budget ?? null,
          can_invite: payload.can_invite,
          chain_length: payload.policy_chain.length,
          require_globus: payload.require_globus ?? null,
          team_store: teamTable || null,
        },
        null,
        2,
      )}\n`,
    );
  } else {
    stdout(
      [
        `invitation for profile '${profileName}' (${payload.profile.aws_profile}, ${payload.profile.region}), expires ${formatUtc(payload.expires_at)}`,
        `signed by ${payload.issuer}, key ${signingKey.fingerprint}`,
        ...(payload.require_globus
          ? [
              `accepting it needs a Globus sign-in${payload.require_globus.idp_domain ? ` with an identity from ${payload.require_globus.idp_domain}` : ''}`,
            ]
          : []),
        `the invitee runs: cws-tui invite accept <token>${payload.username ? '' : ' --user <username>'}${teamTable ? ` --team-store ${teamTable}` : ''}`,
        '',
        token,
        '',
      ].join('\n'),
    );
  }
  return 0;
}

/** `cws-tui invite create|accept`. */
export const runInviteCommand: CommandRun = (context) => runInviteCommandWith(context, processGlobusIo);

/** The same, with the terminal a Globus sign-in uses (tests give their own). */
export async function runInviteCommandWith(context: CommandContext, io: GlobusCommandIo): Promise<number> {
  const [subcommand, argument, ...extra] = context.args;
  try {
    switch (subcommand) {
      case 'create':
        if (!argument || extra.length > 0) {
          throw usageError(
            'usage: cws-tui invite create <profile-name> [--aws-profile P] [--region R] [--user U] [--policy FILE] [--budget USD] [--expires 7d] [--can-invite] [--json]',
          );
        }
        return await runCreate(context, argument);
      case 'accept':
        if (!argument || extra.length > (context.flags.root ? 1 : 0))
          throw usageError(
            'usage: cws-tui invite accept <token> [--user U] [--profile NAME] [--team-store TABLE] [--root-key FINGERPRINT]',
          );
        return await runAccept(context, argument, extra, io);
      case 'list':
        if (argument !== undefined) throw usageError('usage: cws-tui invite list [--json]');
        return await runInvitationList(context);
      case 'revoke':
        if (!argument || extra.length > 0) throw usageError('usage: cws-tui invite revoke <id> [--json]');
        return await runInvitationRevoke(context, argument);
      default:
        throw usageError(
          subcommand === undefined
            ? `invite needs a subcommand: ${SUBCOMMANDS}`
            : `unknown invite subcommand '${subcommand}': use ${SUBCOMMANDS}`,
        );
    }
  } catch (error) {
    if (
      error instanceof InvitationError ||
      error instanceof TeamConflictError ||
      error instanceof ResearchUserStoreError ||
      error instanceof ConfigStoreError ||
      error instanceof GlobusAuthError
    ) {
      throw new CliError(error.message);
    }
    throw error;
  }
}
