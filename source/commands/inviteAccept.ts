import { join } from 'node:path';
import { acceptInvitation } from '../core/identity/acceptInvitation.js';
import { PinnedRootStore } from '../core/identity/PinnedRootStore.js';
import { publicKeyFingerprint } from '../core/identity/signingKey.js';
import { isRootFingerprint } from '../core/identity/systemConfig.js';
import { resolveAppPaths } from '../core/paths.js';
import { takeInvitationUseOnce } from '../core/team/takeInvitationUseOnce.js';
import { usageError } from './CliError.js';
import type { CommandContext } from './Command.js';
import type { GlobusCommandIo } from './globus/GlobusCommandIo.js';
import { verifiedGlobusIdentity } from './globus/invitationGlobus.js';
import { openTeamForAccept } from './openTeamForAccept.js';
import { requireTeamStore } from './openTeamForCommand.js';
import { openConfigForCommand } from './profilesCommand.js';
import { auditTeamEvent } from './teamInvitations.js';

/**
 * The root fingerprint to hold the chain to: `--root-key <fp>`, or `--root <fp>` (`--root` is also
 * exec's boolean switch, so its value arrives as an extra argument).
 */
function pinnedRootArgument(rootKey: string | undefined, root: boolean, extra: string[]): string | undefined {
  const given = rootKey ?? (root ? (extra[0] ?? '') : undefined);
  if (given !== undefined && !isRootFingerprint(given)) {
    throw usageError(`--root takes a key fingerprint like SHA256:<43 characters> (got '${given}')`);
  }
  return given;
}

/** `invite accept <token>`: verified, then the profile and research user are created. */
export async function runAccept(
  context: CommandContext,
  token: string,
  extra: string[],
  io: GlobusCommandIo,
): Promise<number> {
  const { flags, stdout, env } = context;
  const paths = resolveAppPaths(env);
  const team = await openTeamForAccept(context, token);
  const store = requireTeamStore(team);
  const rootKey = pinnedRootArgument(flags.rootKey, flags.root, extra);
  const accepted = await acceptInvitation(token, {
    config: openConfigForCommand(context),
    users: team.users,
    ...(flags.teamStore !== undefined ? { team_store: flags.teamStore } : {}),
    takeUse: (payload, username) => takeInvitationUseOnce(store, payload, username, paths.stateDir),
    verifyGlobus: () => verifiedGlobusIdentity(context, io),
    keysDir: join(paths.stateDir, 'keys'),
    pins: new PinnedRootStore(paths.stateDir),
    env,
    ...(rootKey !== undefined ? { root: rootKey } : {}),
    ...(flags.profile !== undefined ? { profile_name: flags.profile } : {}),
    ...(flags.user !== undefined ? { username: flags.user } : {}),
    ...(flags.fullName !== undefined ? { full_name: flags.fullName } : {}),
    ...(flags.email !== undefined ? { email: flags.email } : {}),
  });
  await auditTeamEvent(
    context,
    store,
    {
      action: 'invitation-accepted',
      id: accepted.payload.id,
      profile: accepted.profile.name,
      research_user: accepted.user.username,
      ...(accepted.profile.globus_identity
        ? {
            globus_identity: accepted.profile.globus_identity.username,
            globus_sub: accepted.profile.globus_identity.sub,
          }
        : {}),
    },
    accepted.user.username,
  );
  const chain = accepted.profile.policy_chain.map((link) => ({
    issuer: link.issuer,
    fingerprint: publicKeyFingerprint(link.issuer_key),
    issued_at: link.issued_at,
  }));
  if (flags.json) {
    stdout(
      `${JSON.stringify(
        {
          profile: accepted.profile.name,
          research_user: accepted.user.username,
          uid: accepted.user.uid,
          user_created: accepted.user_created,
          private_key_path: accepted.private_key_path ?? null,
          issuer_fingerprint: accepted.issuer_fingerprint,
          root_fingerprint: accepted.root_fingerprint,
          root_pinned_now: accepted.root_pinned_now,
          can_invite: accepted.profile.can_invite,
          globus_identity: accepted.profile.globus_identity ?? null,
          chain,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const lines = [
    `created the invited profile '${accepted.profile.name}' (${accepted.profile.aws_profile}, ${accepted.profile.region})`,
    accepted.user_created
      ? `created research user '${accepted.user.username}' with UID ${accepted.user.uid}`
      : `using the existing research user '${accepted.user.username}' (UID ${accepted.user.uid})`,
    ...(accepted.private_key_path ? [`private key: ${accepted.private_key_path} (mode 0600)`] : []),
    ...(accepted.profile.globus_identity
      ? [
          `verified Globus identity ${accepted.profile.globus_identity.username}, linked to '${accepted.user.username}'`,
        ]
      : []),
    `issued by ${accepted.payload.issuer}, key ${accepted.issuer_fingerprint}`,
    `root of the chain: ${chain[0]?.issuer ?? accepted.payload.issuer}, key ${accepted.root_fingerprint}`,
    ...(accepted.root_pinned_now
      ? [
          'this root key is now pinned (trust on first use): invitations rooted at any other key will be refused',
          'compare the root key with the one your institution publishes before you rely on this profile',
        ]
      : ['the root key is one this installation already trusts']),
  ];
  stdout(`${lines.join('\n')}\n`);
  return 0;
}
