import { describe, expect, it } from 'vitest';
import { distroOfBase } from '../../../source/core/images/resolveImageSource.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { supportedDistros } from '../../../source/core/provisioning/supportedDistros.js';
import { builtinTemplatesDir } from '../../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll } from '../../../source/core/templates/resolveTemplate.js';
import { fixedRandom, researchUser } from './provisioningFixtures.js';
import { bashSyntaxErrors, hasShellcheck, shellcheckFindings } from './scriptChecks.js';

const registry = await loadTemplateRegistry({
  searchPath: [{ directory: builtinTemplatesDir(), origin: 'builtin' }],
});
const workstations = resolveAll(registry).templates.filter((template) => template.base !== undefined);

describe('the built-in templates', () => {
  it('include EC2 workstations', () => {
    expect(workstations.length).toBeGreaterThan(0);
  });

  describe.each(workstations.map((template) => ({ slug: template.slug, template })))(
    '$slug',
    ({ template }) => {
      it('supports the distro of its own base image', () => {
        expect(supportedDistros(template)).toContain(distroOfBase(template.base!));
      });

      it.each(supportedDistros(template))('generates a clean script for %s', (distro) => {
        const { script, compressed } = renderUserData({
          template,
          distro,
          user: researchUser,
          launch_id: 'req-builtin',
          efs: { file_system_id: 'fs-0123abcd', access_point_id: 'fsap-0123abcd', region: 'us-east-1' },
          random: fixedRandom,
        });
        expect(compressed).toBe(false);
        expect(bashSyntaxErrors(script)).toBe('');
        if (hasShellcheck) expect(shellcheckFindings(script)).toBe('');
      });
    },
  );
});
