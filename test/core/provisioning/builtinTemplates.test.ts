import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distroOfBase } from '../../../source/core/images/resolveImageSource.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { supportedDistros } from '../../../source/core/provisioning/supportedDistros.js';
import { builtinTemplatesDir } from '../../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll } from '../../../source/core/templates/resolveTemplate.js';
import { fixedRandom, researchUser } from './provisioningFixtures.js';
import { bashSyntaxErrors, hasShellcheck, shellcheckFiles } from './scriptChecks.js';

const registry = await loadTemplateRegistry({
  searchPath: [{ directory: builtinTemplatesDir(), origin: 'builtin' }],
});
const workstations = resolveAll(registry).templates.filter((template) => template.base !== undefined);
const scripts = workstations.flatMap((template) =>
  supportedDistros(template).map((distro) => ({
    name: `${template.slug}-${distro}.sh`,
    userData: renderUserData({
      template,
      distro,
      user: researchUser,
      launch_id: 'req-builtin',
      efs: { file_system_id: 'fs-0123abcd', access_point_id: 'fsap-0123abcd', region: 'us-east-1' },
      random: fixedRandom,
    }),
  })),
);

describe('the built-in templates', () => {
  it.each(workstations.map((template) => [template.slug, template] as const))(
    '%s supports the distro of its own base image',
    (_slug, template) => {
      expect(supportedDistros(template)).toContain(distroOfBase(template.base!));
    },
  );

  it('generate scripts that fit uncompressed and parse with bash -n, for every distro they support', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(workstations.length);
    for (const { name, userData } of scripts) {
      expect(userData.compressed, name).toBe(false);
      expect(bashSyntaxErrors(userData.script), name).toBe('');
    }
  });

  it.skipIf(!hasShellcheck)('generate scripts with no shellcheck finding at any severity', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cws-shellcheck-'));
    try {
      const files = scripts.map(({ name, userData }) => {
        writeFileSync(join(directory, name), userData.script);
        return join(directory, name);
      });
      expect(shellcheckFiles(files)).toBe('');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
