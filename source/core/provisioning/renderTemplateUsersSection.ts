import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { shellQuote } from './shellQuote.js';

/**
 * The template's own users, after the research user: their groups exist first (made as system
 * groups when missing), then each account, made once with a home and its own group; a user merged
 * into the research user gives it the groups instead. post_install runs after this, so
 * `usermod -aG rstudio-users rstats` finds both.
 */
export function renderTemplateUsersSection(plan: ProvisioningPlan): string {
  if (plan.templateUsers.length === 0) return '';
  const groups = [...new Set(plan.templateUsers.flatMap((user) => user.groups))];
  const lines = groups.map(
    (group) => `getent group ${shellQuote(group)} >/dev/null || groupadd --system ${shellQuote(group)}`,
  );
  for (const user of plan.templateUsers) {
    const target = shellQuote(user.merge ? plan.user.name : user.name);
    if (!user.merge) {
      lines.push(
        `id -u ${target} >/dev/null 2>&1 || useradd --create-home --user-group --shell ${shellQuote(user.shell ?? '/bin/bash')} ${target}`,
      );
    }
    if (user.groups.length > 0)
      lines.push(`usermod --append --groups ${shellQuote(user.groups.join(','))} ${target}`);
  }
  return `${lines.join('\n')}\n`;
}
