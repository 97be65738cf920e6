import type { UserData } from '../../../source/core/provisioning/UserData.js';
import type { ResolvedTemplate } from '../../../source/core/templates/templateSchema.js';

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
