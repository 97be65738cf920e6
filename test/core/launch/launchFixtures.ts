import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoAccount, type DemoAccount } from '../../../source/aws/demo/createDemoAccount.js';
import { snapshotPriceCatalog } from '../../../source/core/cost/priceTable.js';
import { LaunchRecordStore } from '../../../source/core/launch/LaunchRecordStore.js';
import type { LaunchContext } from '../../../source/core/launch/launchWorkstation.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import type { UserData } from '../../../source/core/provisioning/UserData.js';
import type { UserDataInput } from '../../../source/core/provisioning/UserDataInput.js';
import { resolveTemplate } from '../../../source/core/templates/resolveTemplate.js';
import type { TemplateRegistry } from '../../../source/core/templates/TemplateRegistry.js';
import type { ResolvedTemplate } from '../../../source/core/templates/templateSchema.js';
import { researchUser } from '../provisioning/provisioningFixtures.js';

// A plain Ubuntu template and a boot script that only reports ready: the launch tests that check
// prices, policy and tags around the pipeline, not what the script does.
export const template: ResolvedTemplate = {
  name: 'Ubuntu',
  slug: 'ubuntu',
  description: 'Plain Ubuntu',
  base: 'ubuntu-24.04',
  connection_type: 'ssh',
  services: [],
  instance_defaults: { type: 't3.large', root_volume_gb: 20 },
  inheritance_chain: ['ubuntu'],
  source: 'templates/ubuntu.yml',
};

export const script = '#!/bin/bash\ncws_mark ready\n';
export const userData: UserData = {
  script,
  bytes: script.length,
  compressed: false,
  payload: Buffer.from(script),
  sections: [],
  service_secrets: [],
  diagnostics: [],
};

export interface DemoLaunch {
  account: DemoAccount;
  /** What the pipeline asked to render a boot script from, in order. */
  inputs: UserDataInput[];
  context: LaunchContext;
}

/**
 * A launch context on a fresh demo account in a temp dir, for alice on profile `lab` with an empty
 * policy: templates come from `registry` (with real boot scripts) or are the plain one above (with
 * the ready-only script). `overrides` replace any part of the context.
 */
export function demoLaunch(
  options: { registry?: TemplateRegistry; overrides?: Partial<LaunchContext> } = {},
): DemoLaunch {
  const stateDir = mkdtempSync(join(tmpdir(), 'cws-launch-'));
  const account = createDemoAccount({ stateDir, env: { CWS_DEMO_SPEED: '0' } });
  const inputs: UserDataInput[] = [];
  const { registry } = options;
  const context: LaunchContext = {
    account,
    profile: { name: 'lab', policy: {}, role: 'member' },
    owner: 'arn:aws:iam::123456789012:user/alice',
    researchUser,
    resolveTemplate: registry ? (slug) => resolveTemplate(slug, registry) : () => template,
    renderUserData: (input) => {
      inputs.push(input);
      return registry ? renderUserData(input) : userData;
    },
    prices: snapshotPriceCatalog,
    records: new LaunchRecordStore(stateDir),
    audit: async () => {},
    dryRun: false,
    polling: { intervalMs: 1, runningTimeoutMs: 2_000, readyTimeoutMs: 2_000 },
    ...options.overrides,
  };
  return { account, inputs, context };
}
