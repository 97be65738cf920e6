import { encodeUserDataPayload } from './encodeUserDataPayload.js';
import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { planProvisioning } from './planProvisioning.js';
import { renderCloudWatchAgentSection } from './renderCloudWatchAgentSection.js';
import { renderEfsSection } from './renderEfsSection.js';
import { renderFilesSection } from './renderFilesSection.js';
import { renderFsxSection } from './renderFsxSection.js';
import { renderGpuCheckSection, renderGpuDriverSection } from './renderGpuSections.js';
import { renderIdleAgentSection } from './renderIdleAgent.js';
import { renderCondaSection, renderPipSection, renderRSection } from './renderLanguagePackageSections.js';
import { renderAwsCliSection, renderPackageSection } from './renderPackageSection.js';
import { renderPostInstallSection } from './renderPostInstallSection.js';
import { renderFinish, renderPrelude } from './renderPrelude.js';
import { serviceSecretNames } from './renderServiceSecrets.js';
import { renderServiceSection } from './renderServiceSection.js';
import { renderTemplateUsersSection } from './renderTemplateUsersSection.js';
import { renderUserSection } from './renderUserSection.js';
import type { UserData } from './UserData.js';
import type { UserDataInput } from './UserDataInput.js';

/**
 * An essential stage stops the boot when it fails; an optional one marks the workstation
 * `degraded:<stage>` and the boot goes on.
 */
type Importance = 'essential' | 'optional';

/**
 * The script's parts in boot order. The idle agent comes first, then the research user and EFS,
 * all before anything fetched from outside the distro, so that any later failure still leaves a
 * workstation that stops itself when idle and that its owner can reach. The GPU driver comes before conda and pip.
 */
const SECTIONS: [string, Importance, (plan: ProvisioningPlan) => string][] = [
  ['idle-agent', 'essential', renderIdleAgentSection],
  ['user', 'essential', (plan) => renderUserSection(plan) + renderTemplateUsersSection(plan)],
  ['packages', 'essential', renderPackageSection],
  ['efs', 'essential', renderEfsSection],
  ['files', 'essential', renderFilesSection],
  ['fsx', 'optional', renderFsxSection],
  ['aws-cli', 'optional', renderAwsCliSection],
  ['metrics', 'optional', renderCloudWatchAgentSection],
  ['gpu-driver', 'optional', renderGpuDriverSection],
  ['conda', 'optional', renderCondaSection],
  ['pip', 'optional', renderPipSection],
  ['r', 'optional', renderRSection],
  ['post-install', 'optional', renderPostInstallSection],
  ['services', 'optional', renderServiceSection],
  ['gpu-check', 'optional', renderGpuCheckSection],
];

function renderStage(name: string, importance: Importance, body: string): string {
  if (importance === 'essential') return `cws_mark ${name}\n${body}`;
  if (body.trim() === '') return '';
  // Not indented: a here-document's closing word must start its line.
  const fn = `cws_part_${name.replaceAll('-', '_')}`;
  return `${fn}() {\n${body.endsWith('\n') ? body : `${body}\n`}}\ncws_part ${name} ${fn}\n`;
}

/**
 * The boot script that turns a plain image of `input.distro` into the workstation the template
 * describes, for the research user who launches it. Pure: it holds no secret (each web service's
 * is made on the instance). Throws `UnsafeScriptValueError`, `UnavailablePackagesError`,
 * `PostInstallDistroError` or `UserDataTooLargeError`.
 */
export function renderUserData(input: UserDataInput): UserData {
  const plan = planProvisioning(input);
  const parts = [
    { name: 'prelude', text: renderPrelude(plan) },
    ...SECTIONS.map(([name, importance, render]) => ({
      name,
      text: renderStage(name, importance, render(plan)),
    })),
    { name: 'finish', text: renderFinish() },
  ].filter((part) => part.text !== '');
  const script = parts.map((part) => part.text).join('\n');
  const sections = parts.map(({ name, text }) => ({ name, bytes: Buffer.byteLength(text, 'utf8') }));
  const { payload, compressed, bytes } = encodeUserDataPayload(script, sections);
  return {
    script,
    bytes,
    compressed,
    payload,
    sections,
    service_secrets: serviceSecretNames(plan),
    diagnostics: plan.diagnostics,
  };
}
