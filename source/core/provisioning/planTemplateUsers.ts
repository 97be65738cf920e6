import type { TemplateUser } from '../templates/templateSchema.js';
import type { ProvisioningDiagnostic } from './ProvisioningDiagnostic.js';
import type { PlannedTemplateUser, PlannedUser } from './ProvisioningPlan.js';
import type { ScriptValueChecks } from './ScriptValueChecks.js';

/**
 * CloudWorkstation's `research_user.integration`: with a single-user strategy its `primary_user`
 * is the research user under another name (`dual_user` keeps both accounts).
 */
function mergedUserName(section: Record<string, unknown> | undefined): string | undefined {
  const integration = section?.integration;
  if (typeof integration !== 'object' || integration === null) return undefined;
  const { strategy, primary_user: primary } = integration as Record<string, unknown>;
  const merges = strategy === 'single_user' || strategy === 'merge' || strategy === 'merged';
  return merges && typeof primary === 'string' ? primary : undefined;
}

/**
 * The template's `users:`: each is made (with its groups) after the research user, so post_install
 * can rely on them; one marked `merge_into_research_user`, or named like the research user, gives
 * its groups to the research user instead. A password is never set: it would be a secret in the
 * user data.
 */
export function planTemplateUsers(
  users: readonly TemplateUser[],
  researchUser: PlannedUser,
  diagnostics: ProvisioningDiagnostic[],
  checks: ScriptValueChecks,
  researchUserSection?: Record<string, unknown>,
): PlannedTemplateUser[] {
  const merged = mergedUserName(researchUserSection);
  return users.map((user, index) => {
    const at = `users[${index}]`;
    if (user.password !== undefined) {
      diagnostics.push({
        level: 'warning',
        field: `${at}.password`,
        message: `the password of ${user.name} is not set: a password in user data is readable by anyone on the instance; ${user.name} signs in with SSH keys or sudo`,
      });
    }
    const merge =
      user.merge_into_research_user === true || user.name === researchUser.name || user.name === merged;
    return {
      name: checks.safe(`${at}.name`, user.name, 'posixName'),
      groups: (user.groups ?? []).map((group, groupIndex) =>
        checks.safe(`${at}.groups[${groupIndex}]`, group, 'posixName'),
      ),
      ...(user.shell !== undefined && !merge
        ? { shell: checks.safe(`${at}.shell`, user.shell, 'shell') }
        : {}),
      merge,
    };
  });
}
