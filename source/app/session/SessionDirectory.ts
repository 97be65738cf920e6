import type { BudgetActionStep } from '../../core/cost/budgetActionPlan.js';
import type { BudgetAlert } from '../../core/cost/evaluateBudget.js';
import { GlobusSessionStore } from '../../core/globus/GlobusSessionStore.js';
import type { AcceptedInvitation } from '../../core/identity/acceptInvitation.js';
import type {
  CreatedResearchUser,
  CreateResearchUserRequest,
} from '../../core/identity/createResearchUser.js';
import type { ResearchUser } from '../../core/identity/ResearchUser.js';
import type { CallerIdentity } from '../../core/ports.js';
import type { CloudSessionOptions } from './CloudSessionOptions.js';
import {
  createResearchUserFor,
  deleteProfileNamed,
  type InvitationAcceptance,
  listProfiles,
  makeCurrentProfile,
  type ProfileListing,
} from './profileDirectory.js';
import { deleteResearchUserAs, listResearchUsers } from './researchUserDirectory.js';
import type { TeamOverview } from './teamOverview.js';

/**
 * The parts of a session that manage the lab rather than its workstations: profiles, research users,
 * invitations, the team overview, budget actions and Globus sign-ins. CloudSession extends it.
 * The budget and team actions are imported on first use: a cold `list` never loads them.
 */
export abstract class SessionDirectory {
  /** The options as the session sees them (a derived session's profile, info and account). */
  protected abstract get sessionOptions(): CloudSessionOptions;
  abstract callerIdentity(): Promise<CallerIdentity>;

  async acknowledgeBudgetAlerts(): Promise<void> {
    const { acknowledgeSessionBudgetAlerts } = await import('./sessionBudgetActions.js');
    return acknowledgeSessionBudgetAlerts(this.sessionOptions);
  }

  async budgetActionPlan(alert: BudgetAlert): Promise<BudgetActionStep[]> {
    const { sessionBudgetActionPlan } = await import('./sessionBudgetActions.js');
    return sessionBudgetActionPlan(this.sessionOptions, alert);
  }

  async applyBudgetAction(step: BudgetActionStep): Promise<void> {
    const { applySessionBudgetAction } = await import('./sessionBudgetActions.js');
    return applySessionBudgetAction(this.sessionOptions, step);
  }

  profiles(): ProfileListing {
    return this.sessionOptions.verifiedProfiles?.list() ?? listProfiles(this.sessionOptions.paths);
  }

  setCurrentProfile(name: string): void {
    makeCurrentProfile(this.sessionOptions.paths, name);
  }

  globusSessions(): GlobusSessionStore {
    return new GlobusSessionStore(this.sessionOptions.paths.stateDir);
  }

  async acceptInvitation(acceptance: InvitationAcceptance): Promise<AcceptedInvitation> {
    const { acceptSessionInvitation } = await import('./sessionTeamActions.js');
    return acceptSessionInvitation(this.sessionOptions, acceptance);
  }

  async teamOverview(): Promise<TeamOverview> {
    const { sessionTeamOverview } = await import('./sessionTeamActions.js');
    return sessionTeamOverview(this.sessionOptions);
  }

  async revokeInvitation(id: string): Promise<void> {
    const { revokeSessionInvitation } = await import('./sessionTeamActions.js');
    return revokeSessionInvitation(this.sessionOptions, id);
  }

  deleteProfile(name: string): void {
    deleteProfileNamed(this.sessionOptions.paths, name, this.sessionOptions.info.profile);
  }

  researchUsers(): Promise<ResearchUser[]> {
    return listResearchUsers(this.sessionOptions.users);
  }

  deleteResearchUser(username: string): Promise<ResearchUser> {
    return deleteResearchUserAs(this.sessionOptions.users, this.sessionOptions.profile.role, username);
  }

  createResearchUser(request: CreateResearchUserRequest): Promise<CreatedResearchUser> {
    return createResearchUserFor(
      this.sessionOptions.paths,
      this.sessionOptions.users,
      this.sessionOptions.info.profile,
      async () => (await this.callerIdentity()).account,
      request,
    );
  }
}
