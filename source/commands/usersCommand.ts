import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { accountForNewUser } from '../core/identity/accountForNewUser.js';
import { createResearchUser } from '../core/identity/createResearchUser.js';
import { PinnedRootStore } from '../core/identity/PinnedRootStore.js';
import type { GroupAuthority } from '../core/identity/privilegedGroups.js';
import type { ResearchUser } from '../core/identity/ResearchUser.js';
import { ResearchUserStoreError } from '../core/identity/ResearchUserStoreError.js';
import { loadRootTrust } from '../core/identity/RootTrust.js';
import { resolveAppPaths } from '../core/paths.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { governedProfileForCommand } from './governedProfileForCommand.js';
import { openCommandSession } from './openCommandSession.js';
import { openTeamForCommand } from './openTeamForCommand.js';
import { renderTextTable } from './output/renderTextTable.js';
import { openConfigForCommand } from './profilesCommand.js';
import { auditTeamEvent } from './teamInvitations.js';
import { linkGlobusIdentity } from './users/linkGlobusIdentity.js';

const SUBCOMMANDS = 'list, show <name>, create <name>, delete <name> or link-globus <name>';

function describeUser(user: ResearchUser): string {
  const lines = [
    `username:   ${user.username}`,
    `full name:  ${user.full_name ?? ''}`,
    `email:      ${user.email ?? ''}`,
    `UID/GID:    ${user.uid}/${user.gid}`,
    `groups:     ${user.groups.join(', ')}`,
    `shell:      ${user.shell}`,
    ...user.ssh_public_keys.map((key, index) => `${index === 0 ? 'SSH keys:  ' : '           '} ${key}`),
  ];
  if (user.ssh_private_key_path) lines.push(`private key: ${user.ssh_private_key_path}`);
  if (user.globus)
    lines.push(`Globus:     ${user.globus.username} (${user.globus.institution ?? 'no institution'})`);
  return `${lines.join('\n')}\n`;
}

/** The account whose UID range a new user comes from, for the profile the command runs as. */
function accountOfCommand(context: CommandContext): Promise<string> {
  const config = openConfigForCommand(context);
  const profile = context.flags.profile ? config.getProfile(context.flags.profile) : config.currentProfile();
  return accountForNewUser(profile, async () => {
    const session = await openCommandSession(context);
    return (await session.callerIdentity()).account;
  });
}

async function readPublicKeyFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `cannot read the public key file ${path}: ${code === 'ENOENT' ? 'no such file' : code}`,
    );
  }
}

/**
 * Who gives a new user's groups: the profile the command runs as, held to its signed terms. Without
 * any profile the caller works in their own account, as its admin; once this installation has
 * accepted an invitation (or the machine allows only invited profiles), never.
 */
async function groupAuthority(context: CommandContext): Promise<GroupAuthority> {
  const config = openConfigForCommand(context);
  const chosen = context.flags.profile ? config.getProfile(context.flags.profile) : config.currentProfile();
  if (context.flags.profile && !chosen) throw new CliError(`no profile named '${context.flags.profile}'`);
  if (!chosen) {
    const trust = await loadRootTrust(
      context.env,
      new PinnedRootStore(resolveAppPaths(context.env).stateDir),
    );
    const governed =
      trust.accepted_profiles.length > 0 || trust.personal_profiles === 'deny' || config.problems.length > 0;
    return { role: governed ? 'member' : 'admin' };
  }
  const { profile } = await governedProfileForCommand(context, chosen);
  return {
    role: profile.role,
    ...(profile.policy.allowed_groups ? { allowed_groups: profile.policy.allowed_groups } : {}),
    profile: profile.name,
  };
}

/** `cws-tui users list|show|create|delete`. */
export const runUsersCommand: CommandRun = async (context) => {
  const { args, flags, stdout, env } = context;
  const [subcommand, name, ...extra] = args;
  const paths = resolveAppPaths(env);
  const team = await openTeamForCommand(context);
  const store = team.users;
  const needName = (usage: string): string => {
    if (!name || extra.length > 0) throw usageError(`usage: cws-tui users ${usage}`);
    return name;
  };
  try {
    switch (subcommand) {
      case 'list': {
        const users = await store.list();
        if (flags.json) stdout(`${JSON.stringify(users, null, 2)}\n`);
        else if (users.length === 0)
          stdout('no research users yet; create one with: cws-tui users create <name>\n');
        else {
          stdout(
            renderTextTable(users, [
              { header: 'USERNAME', value: (user) => user.username },
              { header: 'UID', value: (user) => String(user.uid), align: 'right' },
              { header: 'GID', value: (user) => String(user.gid), align: 'right' },
              { header: 'FULL NAME', value: (user) => user.full_name ?? '' },
              { header: 'EMAIL', value: (user) => user.email ?? '' },
              { header: 'KEYS', value: (user) => String(user.ssh_public_keys.length), align: 'right' },
            ]),
          );
        }
        return 0;
      }
      case 'show': {
        const username = needName('show <name>');
        const user = await store.get(username);
        if (!user) throw new CliError(`no research user named '${username}'`);
        stdout(flags.json ? `${JSON.stringify(user, null, 2)}\n` : describeUser(user));
        return 0;
      }
      case 'create': {
        const username = needName(
          'create <name> [--full-name N] [--email E] [--ssh-public-key FILE] [--group G]...',
        );
        const importedKey = flags.sshPublicKey ? await readPublicKeyFile(flags.sshPublicKey) : undefined;
        // Who may give which groups is decided before the account is asked for anything.
        const authority = await groupAuthority(context);
        const created = await createResearchUser(
          store,
          join(paths.stateDir, 'keys'),
          await accountOfCommand(context),
          {
            username,
            ...(flags.fullName !== undefined ? { full_name: flags.fullName } : {}),
            ...(flags.email !== undefined ? { email: flags.email } : {}),
            ...(importedKey !== undefined ? { imported_public_key: importedKey } : {}),
            ...(flags.group.length > 0 ? { groups: flags.group } : {}),
            authority,
          },
        );
        await auditTeamEvent(
          context,
          team.team,
          { action: 'user-created', username: created.user.username, uid: created.user.uid },
          team.profile?.research_user ?? team.profile?.name ?? env.USER ?? 'unknown',
        );
        if (flags.json) stdout(`${JSON.stringify(created.user, null, 2)}\n`);
        else {
          stdout(`created research user '${created.user.username}' with UID ${created.user.uid}\n`);
          if (created.private_key_path) stdout(`private key: ${created.private_key_path} (mode 0600)\n`);
        }
        return 0;
      }
      case 'delete': {
        const username = needName('delete <name>');
        const user = await store.get(username);
        if (!user || !(await store.delete(username)))
          throw new CliError(`no research user named '${username}'`);
        if (flags.json) stdout(`${JSON.stringify({ deleted: username })}\n`);
        else {
          stdout(
            `deleted research user '${username}' (UID ${user.uid} is retired, never given to another user)\n`,
          );
          if (user.ssh_private_key_path)
            stdout(`the key files stay at ${user.ssh_private_key_path}{,.pub}\n`);
        }
        return 0;
      }
      case 'link-globus':
        return await linkGlobusIdentity(context, team, needName('link-globus <name>'));
      default:
        throw usageError(
          subcommand === undefined
            ? `users needs a subcommand: ${SUBCOMMANDS}`
            : `unknown users subcommand '${subcommand}': use ${SUBCOMMANDS}`,
        );
    }
  } catch (error) {
    if (error instanceof ResearchUserStoreError) {
      const code =
        error.reason === 'denied' ? EXIT.denied : error.reason === 'invalid' ? EXIT.usage : EXIT.error;
      throw new CliError(error.message, code);
    }
    throw error;
  }
};
