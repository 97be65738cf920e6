import type { PlannedFile, ProvisioningPlan } from './ProvisioningPlan.js';
import { renderS3Download, S3_GET_FUNCTION } from './renderS3Download.js';
import { shellQuote } from './shellQuote.js';

function renderInlineFile(file: Extract<PlannedFile, { kind: 'inline' }>): string[] {
  const path = shellQuote(file.path);
  const temporary = shellQuote(`${file.path}.cws-tmp`);
  const lines = [
    `mkdir -p "$(dirname ${path})"`,
    `printf '%s' ${shellQuote(file.contentBase64)} | base64 -d >${temporary}`,
    `chmod ${file.mode ?? '0644'} ${temporary}`,
  ];
  if (file.owner) lines.push(`chown ${shellQuote(file.owner)} ${temporary}`);
  lines.push(`mv -f ${temporary} ${path}`);
  return lines;
}

/**
 * The template's files. Inline content travels base64-encoded, so no byte of it is ever shell
 * syntax; S3 objects are fetched with the instance role and their checksum verified. Each lands
 * through a temporary file and a rename, so a reboot mid-write leaves no half file.
 */
export function renderFilesSection(plan: ProvisioningPlan): string {
  const lines: string[] = [];
  if (plan.files.some((file) => file.kind === 's3')) lines.push(S3_GET_FUNCTION);
  for (const file of plan.files) {
    lines.push(...(file.kind === 'inline' ? renderInlineFile(file) : renderS3Download(file)));
  }
  return `${lines.join('\n')}\n`;
}
