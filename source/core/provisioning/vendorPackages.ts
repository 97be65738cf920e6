import type { Distro } from '../images/baseImages.js';
import type { Template } from '../templates/templateSchema.js';
import { type WebServiceKind, webServiceKind } from './webServiceKind.js';

/**
 * Packages templates list under `packages.system` that no distro repository carries, or that come
 * another way: what installs them right, per distro. `undefined` for a distro: its own package
 * manager installs it.
 */
interface VendorPackage {
  /** The web service whose section installs it (from the vendor's release), if any. */
  service?: WebServiceKind;
  fix: Partial<Record<Distro, string>>;
}

const serviceFix = (name: string, service: string, from: string): string =>
  `${name} is in no distro repository: declare it as a service (services: [{name: ${service}}]) and the boot script installs it from ${from}, with its login secret`;

const VENDOR_PACKAGES: Record<string, VendorPackage> = {
  'code-server': {
    service: 'code-server',
    fix: Object.fromEntries(
      (['ubuntu', 'rocky', 'al2023'] as const).map((distro) => [
        distro,
        serviceFix('code-server', 'code-server', 'its release'),
      ]),
    ),
  },
  'rstudio-server': {
    service: 'rstudio',
    fix: Object.fromEntries(
      (['ubuntu', 'rocky', 'al2023'] as const).map((distro) => [
        distro,
        serviceFix('rstudio-server', 'rstudio-server', "Posit's package"),
      ]),
    ),
  },
  'amazon-ssm-agent': {
    fix: {
      ubuntu:
        "amazon-ssm-agent is a snap on Ubuntu, not an apt package, and Ubuntu's AWS images have it already: remove it from packages.system",
      rocky:
        "amazon-ssm-agent is not in Rocky's repositories: remove it from packages.system, or install AWS's RPM in post_install (dnf install -y https://s3.amazonaws.com/ec2-downloads-windows/SSMAgent/latest/linux_amd64/amazon-ssm-agent.rpm)",
    },
  },
};

export interface VendorPackageProblem {
  index: number;
  name: string;
  /** `redundant`: a declared service installs it already; `misplaced`: the distro cannot install it so. */
  kind: 'redundant' | 'misplaced';
  message: string;
}

/**
 * The template's `packages.system` entries that the distro's package manager cannot install:
 * each with the fix, or, when a declared service installs it already, a note that it is redundant.
 */
export function vendorPackageProblems(
  template: Pick<Template, 'packages' | 'services'>,
  distro: Distro,
): VendorPackageProblem[] {
  const services = new Set((template.services ?? []).map((service) => webServiceKind(service.name)));
  return (template.packages?.system ?? []).flatMap((name, index): VendorPackageProblem[] => {
    const vendor = Object.hasOwn(VENDOR_PACKAGES, name) ? VENDOR_PACKAGES[name] : undefined;
    const fix = vendor?.fix[distro];
    if (!vendor || !fix) return [];
    if (vendor.service && services.has(vendor.service)) {
      return [
        {
          index,
          name,
          kind: 'redundant',
          message: `packages.system[${index}] ${name} is installed by the ${vendor.service} service: remove it from packages.system`,
        },
      ];
    }
    return [{ index, name, kind: 'misplaced', message: `packages.system[${index}]: ${fix}` }];
  });
}

/** Whether `name` is a package the table above knows comes from outside the distro. */
export const isVendorPackage = (name: string): boolean => Object.hasOwn(VENDOR_PACKAGES, name);
