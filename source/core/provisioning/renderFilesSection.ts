import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { shellQuote } from './shellQuote.js';

/**
 * The template's files. Content travels base64-encoded, so no byte of it is ever shell syntax, and
 * lands through a temporary file and a rename, so a reboot mid-write leaves no half file.
 */
export function renderFilesSection(plan: ProvisioningPlan): string {
  const lines: string[] = [];
  for (const file of plan.files) {
    const path = shellQuote(file.path);
    const temporary = shellQuote(`${file.path}.cws-tmp`);
    lines.push(
      `mkdir -p "$(dirname ${path})"`,
      `printf '%s' ${shellQuote(file.contentBase64)} | base64 -d >${temporary}`,
      `chmod ${file.mode ?? '0644'} ${temporary}`,
    );
    if (file.owner) lines.push(`chown ${shellQuote(file.owner)} ${temporary}`);
    lines.push(`mv -f ${temporary} ${path}`);
  }
  return `${lines.join('\n')}\n`;
}
