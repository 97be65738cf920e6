import type { ConnectionPlan } from '../../core/connect/ConnectionPlan.js';
import type { ConnectionOptions } from '../../core/connect/connectionPlanFor.js';
import type { BudgetActionStep } from '../../core/cost/budgetActionPlan.js';
import type { BudgetAlert } from '../../core/cost/evaluateBudget.js';
import type { LoadedCostReport } from '../../core/cost/loadCostReport.js';
import type { GlobusSessionStore } from '../../core/globus/GlobusSessionStore.js';
import type { AcceptedInvitation } from '../../core/identity/acceptInvitation.js';
import type {
  CreatedResearchUser,
  CreateResearchUserRequest,
} from '../../core/identity/createResearchUser.js';
import type { ResearchUser } from '../../core/identity/ResearchUser.js';
import type { LaunchProgress } from '../../core/launch/LaunchProgress.js';
import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import type { LaunchProfile } from '../../core/launch/launchChecks.js';
import type { LaunchResult } from '../../core/launch/launchWorkstation.js';
import type { OperationsContext } from '../../core/operations/OperationsContext.js';
import type { CallerIdentity, CloudAccount } from '../../core/ports.js';
import type { StudioCleanupOptions, StudioCleanupResult } from '../../core/services/cleanupStudio.js';
import type { ServiceLaunchResult } from '../../core/services/Service.js';
import type { ServiceHealth } from '../../core/services/ServiceHealth.js';
import type { StudioLabLaunchRequest } from '../../core/services/StudioLabService.js';
import type { TemplateRegistry } from '../../core/templates/TemplateRegistry.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import type { LaunchChoices } from './launchChoices.js';
import type { StorageListing } from './listStorage.js';
import type { MarketplaceSession } from './MarketplaceSession.js';
import type { LaunchPreview } from './previewLaunch.js';
import type { InvitationAcceptance, ProfileListing } from './profileDirectory.js';
import type { SessionCostRequest } from './SessionCostRequest.js';
import type { TeamOverview } from './teamOverview.js';

/** A launch's result, with the new workstation as the dashboard shows it. */
export interface SessionLaunchResult extends LaunchResult {
  workstation: Workstation;
}

/** Who and where the session runs as: what the header shows. */
export interface SessionInfo {
  account_kind: CloudAccount['kind'];
  profile: string;
  region: string;
  regions: string[];
  research_user?: string;
  /** The lab's team store in use, as the header and the profile switcher say it. */
  team_store?: string;
  /** Things the user should know once (e.g. a corrupt file that was moved aside). */
  notices: string[];
  /** What the last listing could not read (its rows are unknown, not absent), with why. */
  listing_failures?: Array<{ what: string; reason: string }>;
}

/**
 * Everything the screens and commands may ask of the cloud and the core, for one profile. The TUI
 * only renders state and dispatches these intents; it never talks to AWS itself.
 */
export interface Session {
  readonly info: SessionInfo;
  /** The template marketplace (see MarketplaceSession); absent in sessions without one. */
  marketplace?(): MarketplaceSession;
  readonly account: CloudAccount;
  readonly profile: LaunchProfile;
  callerIdentity(): Promise<CallerIdentity>;
  listWorkstations(): Promise<Workstation[]>;
  /** Lets a listing this recent (the TUI's refresh interval) serve every view instead of listing again. */
  shareListings?(maxAgeMs: number): void;
  /** The workstation as it is now, or undefined once AWS has forgotten it. */
  refreshWorkstation(workstation: Workstation): Promise<Workstation | undefined>;
  startWorkstation(workstation: Workstation): Promise<void>;
  stopWorkstation(workstation: Workstation, options: { hibernate: boolean }): Promise<void>;
  terminateWorkstation(workstation: Workstation): Promise<void>;
  /** Burn rate, today, month to date, projection and budget: one report for every view. */
  costReport(request: SessionCostRequest): Promise<LoadedCostReport>;
  /** The running workstations a stop or hibernate budget alert acts on (none for warn and block). */
  budgetActionPlan(alert: BudgetAlert): Promise<BudgetActionStep[]>;
  /** The user has seen the fired budget alerts: they stop being shown (they are kept until then). */
  acknowledgeBudgetAlerts(): Promise<void>;
  /** Stops or hibernates one workstation of a budget action plan. */
  applyBudgetAction(step: BudgetActionStep): Promise<void>;
  /** EFS file systems with their access points, and the root volumes of the workstations. */
  listStorage(): Promise<StorageListing>;
  /** The config's profiles (read now, so a change made elsewhere shows). */
  profiles(): ProfileListing;
  /** Makes a profile the one new sessions open with; the caller then opens a session on it. */
  setCurrentProfile(name: string): void;
  /** Verifies an invitation token and creates its profile and research user. */
  acceptInvitation(acceptance: InvitationAcceptance): Promise<AcceptedInvitation>;
  /** Where this installation keeps its Globus sign-in (the state dir). */
  globusSessions(): GlobusSessionStore;
  /** The lab's users, invitations and budgets from the team store (the `:team` page). */
  teamOverview(): Promise<TeamOverview>;
  /** Revokes an invitation in the team store (admin profiles only). */
  revokeInvitation(id: string): Promise<void>;
  /** Deletes a profile of the config (not the one this session runs as). */
  deleteProfile(name: string): void;
  /** The research users of the profile's store (its team store when it has one). */
  researchUsers(): Promise<ResearchUser[]>;
  /** Deletes a research user (admin profiles only); its UID is retired. */
  deleteResearchUser(username: string): Promise<ResearchUser>;
  /** Creates a research user with a UID of this profile's account and a new key pair. */
  createResearchUser(request: CreateResearchUserRequest): Promise<CreatedResearchUser>;
  /** The templates on the search path (loaded once per session). */
  templates(): Promise<TemplateRegistry>;
  resolveTemplate(slugOrName: string): Promise<ResolvedTemplate>;
  /**
   * Launches any template: a managed service (SageMaker Studio or Canvas, Studio Lab) through the
   * services' pipeline, an EC2 kind through the EC2 one; the same policy check either way.
   */
  launchService(
    request: StudioLabLaunchRequest,
    onProgress?: (progress: LaunchProgress) => void,
  ): Promise<ServiceLaunchResult>;
  /** Whether the row's service answers (app status for SageMaker, the readiness marker on EC2). */
  serviceHealth(workstation: Workstation): Promise<ServiceHealth>;
  /** How to connect now; a SageMaker sign-in URL is made at this moment (it expires in 5 minutes). */
  connectionPlan(workstation: Workstation, options?: ConnectionOptions): Promise<ConnectionPlan>;
  /** Deletes the app's SageMaker apps, spaces, user profiles (and the domain when asked), per region. */
  cleanupServices(options: StudioCleanupOptions): Promise<Array<StudioCleanupResult & { region: string }>>;
  /** The sizes, instance types and EFS file systems a template can be launched with, each priced. */
  launchChoices(template: string): Promise<LaunchChoices>;
  /** The pipeline's checks of an EC2 launch (price, policy, name, user data), without launching. */
  previewLaunch(request: LaunchRequest): Promise<LaunchPreview>;
  /** What day-to-day operations (exec, logs, volumes, resize, idle, projects...) work with. */
  operationsContext(): OperationsContext;
  /** Runs the one launch pipeline. */
  launch(
    request: LaunchRequest,
    onProgress?: (progress: LaunchProgress) => void,
  ): Promise<SessionLaunchResult>;
}
