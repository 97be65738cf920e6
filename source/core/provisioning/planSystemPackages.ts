import type { Distro } from '../images/baseImages.js';
import { type PackageMapping, type PackageRepository, SYSTEM_PACKAGE_MAP } from './systemPackageMap.js';

/** Which naming the template's package list follows. */
export type PackageFamily = 'apt' | 'dnf';

/** A package the distro cannot install, found at generation time. */
export interface UnavailablePackage {
  name: string;
  /** `vendor`: no repository carries it; `fix` says what installs it. */
  reason: 'not-shipped' | 'unmapped' | 'vendor';
  fix?: string;
}

export interface SystemPackagePlan {
  packages: string[];
  groups: string[];
  repositories: PackageRepository[];
  unavailable: UnavailablePackage[];
}

const byName = new Map<string, PackageMapping>();
for (const mapping of SYSTEM_PACKAGE_MAP) {
  for (const name of [mapping.name, ...(mapping.aliases ?? [])]) byName.set(name, mapping);
}

export const distroFamily = (distro: Distro): PackageFamily => (distro === 'ubuntu' ? 'apt' : 'dnf');

/**
 * Maps package names as a template lists them to what `distro` installs. A name missing from the
 * table passes through unchanged only on a distro of the family the template was written for; on
 * the other family it is reported, since its name there is unknown.
 */
export function planSystemPackages(
  names: readonly string[],
  distro: Distro,
  family: PackageFamily,
): SystemPackagePlan {
  const packages = new Set<string>();
  const groups = new Set<string>();
  const repositories = new Set<PackageRepository>();
  const unavailable: UnavailablePackage[] = [];
  for (const name of names) {
    const mapping = byName.get(name);
    if (!mapping) {
      if (family === distroFamily(distro)) packages.add(name);
      else unavailable.push({ name, reason: 'unmapped' });
      continue;
    }
    const target = mapping.distros[distro];
    if (target === null) {
      unavailable.push({ name, reason: 'not-shipped' });
      continue;
    }
    for (const item of target.packages) packages.add(item);
    for (const group of target.groups ?? []) groups.add(group);
    for (const repository of target.repositories ?? []) repositories.add(repository);
  }
  return { packages: [...packages], groups: [...groups], repositories: [...repositories], unavailable };
}
