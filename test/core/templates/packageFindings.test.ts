import { describe, expect, it, vi } from 'vitest';
import * as packageIndexModule from '../../../source/core/provisioning/packageIndex.js';
import { packageIndex } from '../../../source/core/provisioning/packageIndex.js';
import { planSystemPackages } from '../../../source/core/provisioning/planSystemPackages.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { UnavailablePackagesError } from '../../../source/core/provisioning/UnavailablePackagesError.js';
import { parseTemplate } from '../../../source/core/templates/parseTemplate.js';
import { formatDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';
import type { ResolvedTemplate } from '../../../source/core/templates/templateSchema.js';
import { validateResolvedTemplate } from '../../../source/core/templates/validateResolvedTemplate.js';
import { researchUser } from '../provisioning/provisioningFixtures.js';

function findings(text: string): string[] {
  const { loaded, diagnostics } = parseTemplate(text, { file: 't.yml' });
  if (!loaded) return diagnostics.map(formatDiagnostic);
  return validateResolvedTemplate(loaded.template, [loaded]).map(formatDiagnostic);
}

describe('package checks on every distro', () => {
  it('refuses vendor packages apt cannot install on Ubuntu, naming the fix', () => {
    expect(
      findings(
        'name: x\nbase: ubuntu-24.04\npackages:\n  system: [git, code-server, rstudio-server, amazon-ssm-agent]\n',
      ),
    ).toEqual([
      't.yml:4:17: error: packages.system[1]: code-server is in no distro repository: declare it as a service (services: [{name: code-server}]) and the boot script installs it from its release, with its login secret',
      "t.yml:4:30: error: packages.system[2]: rstudio-server is in no distro repository: declare it as a service (services: [{name: rstudio-server}]) and the boot script installs it from Posit's package, with its login secret",
      "t.yml:4:46: error: packages.system[3]: amazon-ssm-agent is a snap on Ubuntu, not an apt package, and Ubuntu's AWS images have it already: remove it from packages.system",
    ]);
  });

  it('accepts amazon-ssm-agent where the distro carries it, and a vendor package its service installs', () => {
    expect(findings('name: x\nbase: al2023\npackages:\n  system: [amazon-ssm-agent]\n')).toEqual([]);
    expect(
      findings(
        'name: x\nbase: rocky-9\npackages:\n  system: [code-server]\nservices:\n  - name: code-server\n',
      ),
    ).toEqual([
      't.yml:4:12: warning: packages.system[0] code-server is installed by the code-server service: remove it from packages.system',
    ]);
  });

  it('warns about a unit post_install turns on that nothing installs', () => {
    expect(
      findings(
        'name: x\nbase: ubuntu-24.04\npackages:\n  system: [nginx, docker.io]\npost_install: |\n  systemctl enable --now julia-notebook.service nginx\n  systemctl restart docker\n',
      ),
    ).toEqual([
      't.yml:5:15: warning: post_install turns on julia-notebook.service, which nothing installs (no service, package or file of the template provides it): declare it under services or files, or install it before that line',
    ]);
  });

  it('checks Ubuntu package names against the shipped, dated index, with the nearest name', () => {
    const index = packageIndex('ubuntu');
    expect(index?.source).toMatch(/bookworm.*; \d{4}-\d{2}-\d{2}$/);
    expect(index?.has('samtools')).toBe(true);
    expect(index?.has('ubuntu-drivers-common')).toBe(true);
    expect(
      findings(
        'name: x\nbase: ubuntu-22.04\npackages:\n  system: [samtools, bedtoolz, sqlite3, libxml2-dev]\n',
      ),
    ).toEqual([
      expect.stringMatching(
        /^t\.yml:4:22: warning: packages\.system\[1\] 'bedtoolz' is not in the package index for ubuntu \(Debian 12 \(bookworm\) main.*\); did you mean 'bedtools'\?$/,
      ),
    ]);
    // dnf-named packages on Rocky are not checked against an apt index.
    expect(findings('name: x\nbase: rocky-9\npackages:\n  system: [bedtoolz]\n')).toEqual([]);
  });

  it('refuses the same vendor packages when the boot script is generated', () => {
    const template: ResolvedTemplate = {
      slug: 'x',
      name: 'x',
      description: '',
      base: 'ubuntu-24.04',
      inheritance_chain: ['x'],
      source: 'x.yml',
      packages: { system: ['amazon-ssm-agent'] },
    };
    expect(() => renderUserData({ template, distro: 'ubuntu', user: researchUser, launch_id: 'r' })).toThrow(
      UnavailablePackagesError,
    );
    expect(() => renderUserData({ template, distro: 'ubuntu', user: researchUser, launch_id: 'r' })).toThrow(
      /amazon-ssm-agent is a snap on Ubuntu/,
    );
    // With its service, code-server is not handed to apt.
    const served = renderUserData({
      template: {
        ...template,
        packages: { system: ['code-server', 'git'] },
        services: [{ name: 'code-server' }],
      },
      distro: 'ubuntu',
      user: researchUser,
      launch_id: 'r',
    });
    expect(served.script).not.toMatch(/cws_apt install -y .*'code-server'/);
    expect(planSystemPackages(['git'], 'ubuntu', 'apt').unavailable).toEqual([]);
  });
});

describe('the package index, a large file to unpack', () => {
  it('is not opened for a template whose packages the app maps itself', () => {
    const opened = vi.spyOn(packageIndexModule, 'packageIndex');
    try {
      expect(findings('name: x\nbase: ubuntu-24.04\npackages:\n  system: [build-essential]\n')).toEqual([]);
      expect(opened).not.toHaveBeenCalled();
      findings('name: x\nbase: ubuntu-24.04\npackages:\n  system: [libfoo-not-a-package]\n');
      expect(opened).toHaveBeenCalled();
    } finally {
      opened.mockRestore();
    }
  });
});
