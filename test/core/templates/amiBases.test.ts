import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { supportedDistros } from '../../../source/core/provisioning/supportedDistros.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { parseTemplate } from '../../../source/core/templates/parseTemplate.js';
import { resolveAll } from '../../../source/core/templates/resolveTemplate.js';
import { formatDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';
import {
  describeTemplateImage,
  templateDistro,
  templateImageSource,
} from '../../../source/core/templates/templateImage.js';
import { validateResolvedTemplate } from '../../../source/core/templates/validateResolvedTemplate.js';
import { createBootScriptSandbox, hasBubblewrap } from '../provisioning/bootScriptSandbox.js';
import { researchUser } from '../provisioning/provisioningFixtures.js';

const fixtures = fileURLToPath(new URL('../../fixtures/cloudworkstation/bases', import.meta.url));
const registry = await loadTemplateRegistry({ searchPath: [{ directory: fixtures, origin: 'env' }] });
const resolution = resolveAll(registry);
// The folder's other fixtures (sizes/) are covered by the corpus test.
const templates = resolution.templates.filter((template) => /^(ami-based|dlami-)/.test(template.base ?? ''));
const diagnostics = resolution.diagnostics;
const bySlug = (slug: string) => templates.find((template) => template.slug === slug)!;

const scripts = templates.flatMap((template) =>
  supportedDistros(template).map((distro) => ({
    name: `${template.slug}-${distro}.sh`,
    distro,
    userData: renderUserData({ template, distro, user: researchUser, launch_id: 'req-ami' }),
  })),
);

/** The errors and warnings of one template text, validated across its (single-file) chain. */
function findings(text: string): string[] {
  const { loaded, diagnostics: parsed } = parseTemplate(text, { file: 't.yml' });
  if (!loaded) return parsed.map(formatDiagnostic);
  return [...parsed, ...validateResolvedTemplate(loaded.template, [loaded])].map(formatDiagnostic);
}

describe('AMI bases', () => {
  it('load every fixture without an error, each on the one distro its image runs', () => {
    expect(registry.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(templates).toHaveLength(6);
    expect(Object.fromEntries(templates.map((t) => [t.slug, supportedDistros(t)]))).toEqual({
      'amazon-linux-2023-server': ['al2023'],
      'aws-deep-learning-ami-ami': ['ubuntu'],
      'al2023-ssm': ['al2023'],
      'dlami-al2023-batch': ['al2023'],
      'dlami-pytorch': ['ubuntu'],
      'rocky-9-lab-image': ['rocky'],
    });
  });

  it('find the image per region and architecture, by parameter, by owner and name, or say what to add', () => {
    const dlami = bySlug('aws-deep-learning-ami-ami');
    expect(templateImageSource(dlami, 'arm64', 'us-east-1')).toEqual({
      kind: 'ami',
      image_id: 'ami-0abcdef1234567890',
      architecture: 'arm64',
    });
    expect(() => templateImageSource(dlami, 'arm64', 'us-west-2')).toThrow(
      /has no arm64 AMI for us-west-2 \(ami_config has us-east-1 x86_64, us-east-1 arm64, us-west-2 x86_64\): add ami_config\.amis\.us-west-2\.arm64/,
    );
    expect(templateImageSource(bySlug('al2023-ssm'), 'arm64', 'eu-west-1')).toEqual({
      kind: 'ssm',
      parameter: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64',
    });
    expect(templateImageSource(bySlug('rocky-9-lab-image'), 'x86_64', 'ap-south-1')).toEqual({
      kind: 'describe-images',
      owner: '792107900819',
      name_pattern: 'Rocky-9-EC2-Base-9.*',
      architecture: 'x86_64',
    });
    expect(templateImageSource(bySlug('dlami-pytorch'), 'x86_64', 'us-east-1')).toEqual({
      kind: 'ssm',
      parameter: '/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id',
    });
    expect(templateImageSource(bySlug('dlami-al2023-batch'), 'arm64', 'us-east-1')).toEqual({
      kind: 'ssm',
      parameter:
        '/aws/service/deeplearning/ami/arm64/base-oss-nvidia-driver-gpu-amazon-linux-2023/latest/ami-id',
    });
  });

  it('declare the distro, or detect it from the parameter, the name pattern or the vendor login', () => {
    expect(templateDistro(bySlug('amazon-linux-2023-server'))).toBe('al2023');
    expect(templateDistro(bySlug('aws-deep-learning-ami-ami'))).toBe('ubuntu');
    expect(templateDistro(bySlug('rocky-9-lab-image'))).toBe('rocky');
    expect(templateDistro(bySlug('al2023-ssm'))).toBe('al2023');
    expect(describeTemplateImage(bySlug('dlami-pytorch'))).toMatchObject({
      distro: 'ubuntu',
      prebuilt: true,
    });
  });

  it('refuse an ami-based template that names no image, and warn that images naming no Linux are asked at launch', () => {
    expect(findings('name: x\nbase: ami-based\n')).toEqual([
      't.yml:2:7: error: base ami-based names no image: add ami_config with amis (region -> architecture -> AMI id), ami_mappings, ami_search (owner and name_pattern) or ssm_parameter',
    ]);
    expect(
      findings(
        'name: x\nbase: ami-based\nami_config:\n  amis:\n    us-east-1: {x86_64: ami-0123456789abcdef0}\n',
      ),
    ).toEqual([
      "t.yml:4:3: warning: the AMI's Linux is read from the image at launch (its platform, name and description): add ami_config.distro: ubuntu, rocky or al2023 to check the packages and boot script now",
    ]);
    // A lab's SSM parameter or a search that names no Linux: the image found at launch is asked.
    expect(findings('name: x\nbase: ami-based\nami_config:\n  ssm_parameter: /lab/images/current\n')).toEqual(
      [
        "t.yml:4:3: warning: the AMI's Linux is read from the image at launch (its platform, name and description): add ami_config.distro: ubuntu, rocky or al2023 to check the packages and boot script now",
      ],
    );
    expect(
      findings(
        "name: x\nbase: ami-based\nami_config:\n  ami_search: {owner: '123456789012', name_pattern: 'lab-image-*'}\n",
      ),
    ).toEqual([
      "t.yml:4:3: warning: the AMI's Linux is read from the image at launch (its platform, name and description): add ami_config.distro: ubuntu, rocky or al2023 to check the packages and boot script now",
    ]);
    expect(findings('name: x\nbase: ami-based\nami_config:\n  ami_mappings: {us-east-1: ami-12}\n')).toEqual([
      expect.stringMatching(/^t\.yml:4:29: error: ami_config\.ami_mappings\.us-east-1: an AMI id looks like/),
    ]);
    expect(
      findings(
        'name: x\nbase: ami-based\npackage_manager: apt\nami_config:\n  distro: al2023\n  ami_mappings: {us-east-1: ami-0123456789abcdef0}\n',
      ),
    ).toEqual([
      "t.yml:3:18: error: package_manager apt does not fit base ami-based (the template's Amazon Linux 2023 AMI uses dnf)",
    ]);
    expect(findings('name: x\nbase: ami-basd\n')).toEqual([
      expect.stringMatching(/^t\.yml:2:7: error: unknown base 'ami-basd' \(closest: 'ami-based'\)/),
    ]);
  });

  it('warn about what ami_config asks that is not done, and keep ami_config beside a vendor base', () => {
    expect(findings('name: x\nbase: rocky-9\nami_config:\n  amis: {}\n')).toEqual([
      't.yml:4:3: warning: ami_config is ignored: base rocky-9 looks up its current image at launch; use base: ami-based to launch these AMIs',
    ]);
    expect(
      findings(
        'name: x\nbase: ami-based\nami_config:\n  distro: ubuntu\n  ami_mappings: {us-east-1: ami-0123456789abcdef0}\n  user_data_script: |\n    echo hi\n',
      ),
    ).toEqual([
      't.yml:6:21: warning: ami_config.user_data_script is not run: the boot script is generated; move these commands to post_install',
    ]);
  });

  it('install on an AMI only the packages it lacks: no package manager run when it has them all', () => {
    const al2023 = scripts.find(({ name }) => name === 'amazon-linux-2023-server-al2023.sh')!.userData.script;
    expect(al2023).toMatch(
      /for cws_package in .*'git' 'docker'; do\n {2}rpm -q --whatprovides "\$cws_package"/,
    );
    expect(al2023).not.toMatch(/apt-get/);
    const ubuntu = scripts.find(({ name }) => name === 'aws-deep-learning-ami-ami-ubuntu.sh')!.userData
      .script;
    expect(ubuntu).toMatch(/dpkg -s "\$cws_package" >\/dev\/null 2>&1 \|\| cws_missing\+=/);
    expect(ubuntu).not.toMatch(/\bdnf\b/);
  });

  it.skipIf(!hasBubblewrap).each(scripts.map((script) => [script.name, script] as const))(
    "%s boots in the sandbox with stubs, and never runs another distro's package manager",
    (_name, { distro, userData }) => {
      const sandbox = createBootScriptSandbox();
      try {
        const { status, output, calls } = sandbox.run(userData.script);
        expect(status, output).toBe(0);
        const managers = new Set(
          calls.map((call) => call[0]).filter((tool) => tool === 'apt-get' || tool === 'dnf'),
        );
        expect([...managers]).toEqual(
          [...managers].filter((tool) => (distro === 'ubuntu' ? tool === 'apt-get' : tool === 'dnf')),
        );
        // The stubbed image has every package: nothing is installed again.
        expect(calls.filter((call) => call[0] === 'apt-get' && call.includes('install'))).toEqual([]);
        expect(calls.filter((call) => call[0] === 'dnf' && call[1] === 'install')).toEqual([]);
        expect(output).toContain('the image has every package the workstation needs');
      } finally {
        sandbox.dispose();
      }
    },
    60_000,
  );
});
