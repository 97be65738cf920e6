import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distroOfBase } from '../../../source/core/images/resolveImageSource.js';
import { USER_DATA_LIMIT_BYTES } from '../../../source/core/provisioning/encodeUserDataPayload.js';
import { foreignPostInstallCommand } from '../../../source/core/provisioning/postInstallDistros.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { supportedDistros } from '../../../source/core/provisioning/supportedDistros.js';
import { builtinTemplatesDir } from '../../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll } from '../../../source/core/templates/resolveTemplate.js';
import { researchUser } from './provisioningFixtures.js';
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

  it('generate scripts that fit the user data limit and parse with bash -n, for every distro they support', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(workstations.length);
    for (const { name, userData } of scripts) {
      expect(userData.payload.length, name).toBeLessThanOrEqual(USER_DATA_LIMIT_BYTES);
      expect(bashSyntaxErrors(userData.script), name).toBe('');
    }
  });

  it('generate user data with no token, password or chpasswd: each service makes its secret on the instance', () => {
    for (const { name, userData } of scripts) {
      expect(userData.script, name).not.toMatch(/chpasswd|usermod (-p|--password)|openssl passwd/);
      // A generated secret would be a long hex or base64 run; the script has none.
      expect(userData.script, name).not.toMatch(/\b[0-9a-f]{32,}\b/);
      expect(userData.script, name).not.toMatch(/(TOKEN|PASSWORD|password)=[^\s'"$%]/);
    }
    const services = scripts.filter(({ userData }) => userData.service_secrets.length > 0);
    expect(services.map(({ name }) => name)).toEqual(
      expect.arrayContaining(['jupyter-server-ubuntu.sh', 'vscode-server-ubuntu.sh', 'r-research-ubuntu.sh']),
    );
    for (const { name, userData } of services) {
      for (const secret of userData.service_secrets) {
        expect(userData.script, name).toContain(`cws_service_secret ${secret}`);
      }
    }
  });

  it('accept only post_install that the distro can run, and say why for the others', () => {
    for (const template of workstations) {
      for (const distro of supportedDistros(template)) {
        expect(foreignPostInstallCommand(template, distro), `${template.slug} on ${distro}`).toBeUndefined();
      }
    }
    const desktop = workstations.find((template) => template.slug === 'desktop-workstation');
    expect(desktop && supportedDistros(desktop)).toEqual(['ubuntu']);
  });

  it.skipIf(!hasShellcheck)(
    'generate scripts with no shellcheck finding at any severity',
    () => {
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
      // One shellcheck run over some twenty scripts of 20 KB: seconds, more on a busy machine.
    },
    90_000,
  );
});
