import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { supportedDistros } from '../../../source/core/provisioning/supportedDistros.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll } from '../../../source/core/templates/resolveTemplate.js';
import { formatDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';
import { createBootScriptSandbox, hasBubblewrap } from '../provisioning/bootScriptSandbox.js';
import { researchUser } from '../provisioning/provisioningFixtures.js';
import { bashSyntaxErrors, hasShellcheck, shellcheckFiles } from '../provisioning/scriptChecks.js';

/**
 * The corpus of CloudWorkstation-format templates for AMI bases, global sizes and the catalog
 * (test/fixtures/cloudworkstation/bases, subfolders included): each validates and boots, under
 * bubblewrap with stub commands, on every distro it supports.
 */
const fixtures = fileURLToPath(new URL('../../fixtures/cloudworkstation/bases', import.meta.url));
const registry = await loadTemplateRegistry({ searchPath: [{ directory: fixtures, origin: 'env' }] });
const { templates, diagnostics } = resolveAll(registry);
const scripts = templates.flatMap((template) =>
  supportedDistros(template).map((distro) => ({
    name: `${template.slug}-${distro}.sh`,
    userData: renderUserData({
      template,
      distro,
      user: researchUser,
      launch_id: 'req-corpus',
      efs: { file_system_id: 'fs-0123abcd', access_point_id: 'fsap-0123abcd', region: 'us-east-1' },
    }),
  })),
);

describe('the CloudWorkstation bases corpus', () => {
  it('loads every fixture, subfolders included, with no error and each on at least one distro', () => {
    expect(
      [...registry.diagnostics, ...diagnostics].filter((d) => d.severity === 'error').map(formatDiagnostic),
    ).toEqual([]);
    expect(templates.map((template) => registry.templates.get(template.slug)?.relative_path).sort()).toEqual([
      'al2023-ssm-parameter.yml',
      'amazon-linux-2023-server.yml',
      'deep-learning-ami.yml',
      'dlami-al2023.yml',
      'dlami-pytorch.yml',
      'packages/vscode-julia.yml',
      'rocky-ami-search.yml',
      'sizes/cpu-global-sizes.yml',
      'sizes/gpu-arm64-sizes.yml',
      'sizes/own-sizes.yml',
    ]);
    for (const template of templates)
      expect(supportedDistros(template).length, template.slug).toBeGreaterThan(0);
  });

  it('generates scripts that parse with bash -n', () => {
    for (const { name, userData } of scripts) expect(bashSyntaxErrors(userData.script), name).toBe('');
  });

  it.skipIf(!hasShellcheck)(
    'generates scripts with no shellcheck finding at any severity',
    () => {
      const directory = mkdtempSync(join(tmpdir(), 'cws-bases-shellcheck-'));
      try {
        const files = scripts.map(({ name, userData }) => {
          writeFileSync(join(directory, name), userData.script);
          return join(directory, name);
        });
        expect(shellcheckFiles(files)).toBe('');
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it.skipIf(!hasBubblewrap).each(scripts.map((script) => [script.name, script] as const))(
    '%s boots in the sandbox with stub commands',
    (_name, { userData }) => {
      const sandbox = createBootScriptSandbox();
      try {
        const { status, output } = sandbox.run(userData.script);
        expect(status, output).toBe(0);
        expect(sandbox.read('/var/log/cws-setup.log')).toContain('CWS-PROGRESS ready');
      } finally {
        sandbox.dispose();
      }
    },
    60_000,
  );
});
