import { performance } from 'node:perf_hooks';
import type { ResearchUser } from '../source/core/identity/ResearchUser.js';
import { UID_RANGE_START } from '../source/core/identity/uidRanges.js';
import { USER_DATA_LIMIT_BYTES } from '../source/core/provisioning/encodeUserDataPayload.js';
import { renderUserData } from '../source/core/provisioning/renderUserData.js';
import { supportedDistros } from '../source/core/provisioning/supportedDistros.js';
import type { UserDataInput } from '../source/core/provisioning/UserDataInput.js';
import { builtinTemplatesDir } from '../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../source/core/templates/loadTemplateRegistry.js';
import { resolveAll } from '../source/core/templates/resolveTemplate.js';
import type { BenchFigure } from './BenchFigure.js';

const RUNS = 51;

const benchUser: ResearchUser = {
  username: 'bench',
  full_name: 'Bench Researcher',
  uid: UID_RANGE_START,
  gid: UID_RANGE_START,
  groups: ['admin'],
  shell: '/bin/bash',
  ssh_public_keys: [
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq0xDl5m2ofT5vnPR+a0Z4vXkA6y2gbVl3uYzQfJcEi bench@host',
  ],
  created_at: '2026-01-01T00:00:00Z',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const round = (milliseconds: number): number => Math.round(milliseconds * 1000) / 1000;

/**
 * Times renderUserData for every built-in EC2 template on every distro it supports (with EFS and
 * an access point, the largest variant), and reports the median per script and the largest script.
 */
export async function runProvisioningBench(): Promise<BenchFigure[]> {
  const registry = await loadTemplateRegistry({
    searchPath: [{ directory: builtinTemplatesDir(), origin: 'builtin' }],
  });
  const inputs: UserDataInput[] = resolveAll(registry)
    .templates.filter((template) => template.base !== undefined)
    .flatMap((template) =>
      supportedDistros(template).map((distro) => ({
        template,
        distro,
        user: benchUser,
        launch_id: 'bench',
        efs: { file_system_id: 'fs-0123abcd', access_point_id: 'fsap-0123abcd', region: 'us-east-1' },
      })),
    );
  if (inputs.length === 0) throw new Error('no built-in EC2 template to generate a boot script for');
  const times: number[] = [];
  let largest = { bytes: 0, payload: 0, name: '' };
  for (let run = 0; run < RUNS; run++) {
    for (const input of inputs) {
      const start = performance.now();
      const userData = renderUserData(input);
      times.push(performance.now() - start);
      if (userData.bytes > largest.bytes) {
        largest = {
          bytes: userData.bytes,
          payload: userData.payload.length,
          name: `${input.template.slug}/${input.distro}`,
        };
      }
    }
  }
  return [
    {
      name: `generate one boot script (median over ${inputs.length} template x distro pairs, ${RUNS} runs)`,
      value: round(median(times)),
      unit: 'ms',
      goal: '< 5 ms',
    },
    {
      name: `largest boot script (${largest.name}; ${largest.payload} bytes sent)`,
      value: largest.bytes,
      unit: 'bytes',
      goal: `<= ${USER_DATA_LIMIT_BYTES} sent`,
    },
  ];
}
