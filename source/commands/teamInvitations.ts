import { createHash } from 'node:crypto';
import { appendAuditEvent } from '../core/audit/appendAuditEvent.js';
import type { Profile } from '../core/config/profileSchema.js';
import { canonicalJson } from '../core/identity/canonicalJson.js';
import { formatUtc, type InvitationPayload } from '../core/identity/invitationToken.js';
import { resolveAppPaths } from '../core/paths.js';
import { appendTeamAudit } from '../core/team/appendTeamAudit.js';
import { TeamConflictError } from '../core/team/TeamConflictError.js';
import { describeTeamStore, type TeamStore } from '../core/team/TeamStore.js';
import { listInvitations, recordInvitation, revokeInvitation } from '../core/team/teamInvitations.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandContext } from './Command.js';
import { openTeamForCommand, requireTeamStore } from './openTeamForCommand.js';
import { renderTextTable } from './output/renderTextTable.js';

/** A short, stable name of a policy: what the store keys the policies handed on by. */
export function policyDigest(policy: unknown): string {
  return createHash('sha256').update(canonicalJson(policy)).digest('hex').slice(0, 16);
}

/** The audit event, in this machine's log and in the lab's store (a failure there is reported). */
export async function auditTeamEvent(
  context: CommandContext,
  store: TeamStore | undefined,
  event: { action: string } & Record<string, unknown>,
  by: string,
): Promise<void> {
  await appendAuditEvent(resolveAppPaths(context.env).stateDir, event);
  if (!store) return;
  await appendTeamAudit(store, event, by).catch((error: unknown) => {
    context.stderr(
      `cws-tui: the audit event was not written to the team store: ${(error as Error).message}\n`,
    );
  });
}

/** Records a new invitation in the issuer profile's store before its token is printed. */
export async function recordCreatedInvitation(
  context: CommandContext,
  issuer: Profile,
  payload: InvitationPayload,
): Promise<string> {
  const uses = context.flags.uses ?? 1;
  if (!Number.isInteger(uses) || uses < 1)
    throw usageError('--uses is how many people may accept: 1 or more');
  const team = await openTeamForCommand(context, issuer.name);
  const store = requireTeamStore(team);
  await recordInvitation(store, payload, {
    policy_digest: policyDigest(payload.policy),
    uses_allowed: uses,
    ...(issuer.invitation_id ? { parent_invitation: issuer.invitation_id } : {}),
  });
  await auditTeamEvent(
    context,
    store,
    { action: 'invitation-created', id: payload.id, profile: payload.profile.name, uses_allowed: uses },
    payload.issuer,
  );
  return team.setting.kind === 'dynamodb' ? team.setting.table : '';
}

/** `invite list`: the invitations of the lab's store, with their state and uses. */
export async function runInvitationList(context: CommandContext): Promise<number> {
  const store = requireTeamStore(await openTeamForCommand(context));
  const invitations = await listInvitations(store);
  if (context.flags.json) {
    context.stdout(`${JSON.stringify(invitations, null, 2)}\n`);
  } else if (invitations.length === 0) {
    context.stdout(`no invitations in ${describeTeamStore(store.location)}\n`);
  } else {
    context.stdout(
      renderTextTable(invitations, [
        { header: 'ID', value: (invitation) => invitation.id },
        { header: 'PROFILE', value: (invitation) => invitation.profile },
        { header: 'ISSUER', value: (invitation) => invitation.issuer },
        { header: 'STATE', value: (invitation) => invitation.state },
        {
          header: 'USES',
          value: (invitation) => `${invitation.uses}/${invitation.uses_allowed}`,
          align: 'right',
        },
        { header: 'EXPIRES', value: (invitation) => formatUtc(invitation.expires_at) },
        { header: 'ACCEPTED BY', value: (invitation) => invitation.accepted_by.join(', ') },
      ]),
    );
  }
  return EXIT.ok;
}

/** `invite revoke <id>`: admins, or the invitation's own issuer. */
export async function runInvitationRevoke(context: CommandContext, id: string): Promise<number> {
  const team = await openTeamForCommand(context);
  const store = requireTeamStore(team);
  const by = team.profile?.research_user ?? team.profile?.name ?? context.env.USER ?? 'unknown';
  const existing = (await listInvitations(store)).find((invitation) => invitation.id === id);
  if (existing && team.profile?.role !== 'admin' && existing.issuer !== by) {
    throw new CliError(
      `only an admin profile or its issuer (${existing.issuer}) may revoke invitation ${id}`,
      EXIT.denied,
    );
  }
  try {
    const revoked = await revokeInvitation(store, id, by);
    await auditTeamEvent(context, store, { action: 'invitation-revoked', id }, by);
    context.stdout(
      context.flags.json
        ? `${JSON.stringify(revoked, null, 2)}\n`
        : `revoked invitation ${id} (${revoked.uses} of ${revoked.uses_allowed} uses made): it is refused at accept, and launches of profiles from it stop\n`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof TeamConflictError) throw new CliError(error.message);
    throw error;
  }
}
