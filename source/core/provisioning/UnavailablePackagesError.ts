import type { Distro } from '../images/baseImages.js';
import type { UnavailablePackage } from './planSystemPackages.js';

/** The template needs packages the distro does not have: found at generation time, not at boot. */
export class UnavailablePackagesError extends Error {
  readonly distro: Distro;
  readonly packages: UnavailablePackage[];

  constructor(slug: string, distro: Distro, packages: UnavailablePackage[]) {
    const list = packages
      .map(({ name, reason, fix }) =>
        reason === 'vendor' && fix
          ? fix
          : reason === 'not-shipped'
            ? `${name} (not shipped)`
            : `${name} (no known name)`,
      )
      .join(', ');
    super(`template '${slug}' cannot be provisioned on ${distro}: ${list}`);
    this.name = 'UnavailablePackagesError';
    this.distro = distro;
    this.packages = packages;
  }
}
