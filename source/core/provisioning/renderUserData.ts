import { encodeUserDataPayload } from './encodeUserDataPayload.js';
import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { planProvisioning } from './planProvisioning.js';
import { renderEfsSection } from './renderEfsSection.js';
import { renderFilesSection } from './renderFilesSection.js';
import { renderIdleAgentSection } from './renderIdleAgent.js';
import { renderCondaSection, renderPipSection, renderRSection } from './renderLanguagePackageSections.js';
import { renderPackageSection } from './renderPackageSection.js';
import { renderPostInstallSection } from './renderPostInstallSection.js';
import { renderPrelude, STATE_DIR } from './renderPrelude.js';
import { renderServiceSection } from './renderServiceSection.js';
import { renderUserSection } from './renderUserSection.js';
import type { UserData } from './UserData.js';
import type { ServiceTokens, UserDataInput } from './UserDataInput.js';

const renderReady = (): string => `cws_mark ready\ntouch ${STATE_DIR}/ready\n`;

/** The script's parts in boot order; each stage's marker opens its part. */
const SECTIONS: [string, (plan: ProvisioningPlan) => string][] = [
  ['prelude', renderPrelude],
  ['packages', renderPackageSection],
  ['user', renderUserSection],
  ['efs', renderEfsSection],
  ['conda', renderCondaSection],
  ['pip', renderPipSection],
  ['r', renderRSection],
  ['files', renderFilesSection],
  ['post-install', renderPostInstallSection],
  ['services', renderServiceSection],
  ['idle-agent', renderIdleAgentSection],
  ['ready', renderReady],
];

function tokensOf(plan: ProvisioningPlan): ServiceTokens {
  const tokens: ServiceTokens = {};
  for (const service of plan.services) {
    if (service.kind === 'rstudio') tokens.rstudio = service.password;
    else if (service.kind !== 'system') tokens[service.kind] = service.token;
  }
  return tokens;
}

/**
 * The boot script that turns a plain image of `input.distro` into the workstation the template
 * describes, for the research user who launches it. Pure apart from the random tokens (injectable).
 * Throws `UnsafeScriptValueError`, `UnavailablePackagesError` or `UserDataTooLargeError`.
 */
export function renderUserData(input: UserDataInput): UserData {
  const plan = planProvisioning(input);
  const parts = SECTIONS.map(([name, render]) => ({ name, text: render(plan) }));
  const script = parts.map((part) => part.text).join('\n');
  const sections = parts.map(({ name, text }) => ({ name, bytes: Buffer.byteLength(text, 'utf8') }));
  const { payload, compressed, bytes } = encodeUserDataPayload(script, sections);
  return {
    script,
    bytes,
    compressed,
    payload,
    sections,
    service_tokens: tokensOf(plan),
    diagnostics: plan.diagnostics,
  };
}
