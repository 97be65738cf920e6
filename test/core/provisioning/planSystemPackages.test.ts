import { describe, expect, it } from 'vitest';
import type { Distro } from '../../../source/core/images/baseImages.js';
import { planSystemPackages } from '../../../source/core/provisioning/planSystemPackages.js';
import { SCRIPT_VALUE_RULES } from '../../../source/core/provisioning/scriptValueRules.js';
import { SYSTEM_PACKAGE_MAP } from '../../../source/core/provisioning/systemPackageMap.js';

describe('planSystemPackages', () => {
  it('maps Debian names to dnf names, groups and repositories', () => {
    const names = ['build-essential', 'libcurl4-openssl-dev', 'r-base', 'git'];
    expect(planSystemPackages(names, 'ubuntu', 'apt')).toEqual({
      packages: ['build-essential', 'libcurl4-openssl-dev', 'r-base', 'git'],
      groups: [],
      repositories: [],
      unavailable: [],
    });
    expect(planSystemPackages(names, 'rocky', 'apt')).toEqual({
      packages: ['libcurl-devel', 'R', 'git'],
      groups: ['Development Tools'],
      repositories: ['epel', 'crb'],
      unavailable: [],
    });
    expect(planSystemPackages(names, 'al2023', 'apt')).toEqual({
      packages: ['libcurl-devel', 'git'],
      groups: ['Development Tools'],
      repositories: [],
      unavailable: [{ name: 'r-base', reason: 'not-shipped' }],
    });
  });

  it('maps dnf names back to Debian ones', () => {
    expect(planSystemPackages(['gcc-c++', 'openssl-devel', 'nfs-utils'], 'ubuntu', 'dnf').packages).toEqual([
      'g++',
      'libssl-dev',
      'nfs-common',
    ]);
  });

  it('passes unknown names through on their own family only', () => {
    expect(planSystemPackages(['libmagick++-dev'], 'ubuntu', 'apt').packages).toEqual(['libmagick++-dev']);
    expect(planSystemPackages(['ImageMagick-devel'], 'rocky', 'dnf').packages).toEqual(['ImageMagick-devel']);
    expect(planSystemPackages(['ImageMagick-devel'], 'ubuntu', 'dnf').unavailable).toEqual([
      { name: 'ImageMagick-devel', reason: 'unmapped' },
    ]);
  });

  it('installs docker from the right place on each distro', () => {
    const on = (distro: Distro) => planSystemPackages(['docker'], distro, 'apt');
    expect(on('ubuntu').packages).toEqual(['docker.io']);
    expect(on('rocky')).toMatchObject({
      packages: ['docker-ce', 'docker-ce-cli', 'containerd.io'],
      repositories: ['docker-ce'],
    });
    expect(on('al2023').packages).toEqual(['docker']);
  });

  it('holds only names the script whitelist accepts', () => {
    for (const mapping of SYSTEM_PACKAGE_MAP) {
      for (const target of Object.values(mapping.distros)) {
        for (const name of target?.packages ?? [])
          expect(name).toMatch(SCRIPT_VALUE_RULES.systemPackage.pattern);
      }
    }
  });
});
