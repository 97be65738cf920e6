import type { ResearchUser } from '../identity/ResearchUser.js';

/** A launch by a research user with a verified Globus identity: who, by that identity, in the audit log. */
export interface AuditedGlobusLaunch {
  action: 'globus-identified-launch';
  profile: string;
  research_user: string;
  globus_identity: string;
  globus_sub: string;
  template: string;
  launch_id: string;
}

export function auditedGlobusLaunch(
  user: ResearchUser,
  launch: { profile: string; template: string; launch_id: string },
): AuditedGlobusLaunch | undefined {
  if (!user.globus) return undefined;
  return {
    action: 'globus-identified-launch',
    ...launch,
    research_user: user.username,
    globus_identity: user.globus.username,
    globus_sub: user.globus.sub,
  };
}
