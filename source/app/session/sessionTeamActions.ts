import type { AcceptedInvitation } from '../../core/identity/acceptInvitation.js';
import { takeInvitationUseOnce } from '../../core/team/takeInvitationUseOnce.js';
import type { CloudSessionOptions } from './CloudSessionOptions.js';
import { acceptInvitationToken, type InvitationAcceptance } from './profileDirectory.js';
import { loadTeamOverview, revokeFromPage, type TeamOverview } from './teamOverview.js';

/** Accepts an invitation, single use through the session's team store as `invite accept` does. */
export async function acceptSessionInvitation(
  options: CloudSessionOptions,
  acceptance: InvitationAcceptance,
): Promise<AcceptedInvitation> {
  const store = options.team?.store;
  const accepted = await acceptInvitationToken(
    options.paths,
    options.users,
    acceptance,
    options.env,
    store
      ? (payload, username) => takeInvitationUseOnce(store, payload, username, options.paths.stateDir)
      : undefined,
  );
  await options.verifiedProfiles?.reloadTrust();
  return accepted;
}

/** The `:team` page's view of the lab's store, as this profile's role may see it. */
export function sessionTeamOverview(options: CloudSessionOptions): Promise<TeamOverview> {
  const { team, info, users, profile } = options;
  return loadTeamOverview({
    ...(team?.store ? { store: team.store } : {}),
    ...(team?.unavailable ? { unavailable: team.unavailable } : {}),
    description: info.team_store ?? 'no team store',
    users,
    admin: profile.role === 'admin',
  });
}

/** Revokes an invitation from the `:team` page (admins only, recorded with who did it). */
export function revokeSessionInvitation(options: CloudSessionOptions, id: string): Promise<void> {
  const { info, profile, team } = options;
  const by = info.research_user ?? profile.name;
  return revokeFromPage(team?.store, profile.role === 'admin', id, by);
}
