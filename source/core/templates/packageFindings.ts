import type { Distro } from '../images/baseImages.js';
import { packageIndex } from '../provisioning/packageIndex.js';
import { distroFamily } from '../provisioning/planSystemPackages.js';
import { SYSTEM_PACKAGE_MAP } from '../provisioning/systemPackageMap.js';
import { packageFamilyOf } from '../provisioning/templateSystemPackages.js';
import { unprovidedUnits } from '../provisioning/unprovidedUnits.js';
import { isVendorPackage, vendorPackageProblems } from '../provisioning/vendorPackages.js';
import type { TemplatePath } from './LoadedTemplate.js';
import type { DiagnosticSeverity } from './TemplateDiagnostic.js';
import type { Template } from './templateSchema.js';

export interface PackageFinding {
  severity: DiagnosticSeverity;
  field: 'packages' | 'post_install';
  path: TemplatePath;
  message: string;
}

/**
 * What the boot script on `distro` would refuse or trip over in the template's packages, said at
 * validation: vendor packages no repository carries (with the fix), and units post_install turns on
 * that nothing installs (a warning: the script may make them in ways not seen here).
 */
export function packageFindings(template: Template, distro: Distro): PackageFinding[] {
  const findings: PackageFinding[] = vendorPackageProblems(template, distro).map((problem) => ({
    severity: problem.kind === 'misplaced' ? 'error' : 'warning',
    field: 'packages',
    path: ['packages', 'system', problem.index],
    message: problem.message,
  }));
  findings.push(...unindexedPackages(template, distro));
  for (const unit of unprovidedUnits(template)) {
    findings.push({
      severity: 'warning',
      field: 'post_install',
      path: ['post_install'],
      message: `post_install turns on ${unit}, which nothing installs (no service, package or file of the template provides it): declare it under services or files, or install it before that line`,
    });
  }
  return findings;
}

const MAPPED = new Set(SYSTEM_PACKAGE_MAP.flatMap((mapping) => [mapping.name, ...(mapping.aliases ?? [])]));

/**
 * Names the distro's shipped package index does not have, for the packages handed to its package
 * manager as written (the template's naming is the distro's, and the app's table does not map
 * them). A warning, with the nearest indexed name: the index is a dated snapshot.
 */
function unindexedPackages(template: Template, distro: Distro): PackageFinding[] {
  if (packageFamilyOf(template) !== distroFamily(distro)) return [];
  const unmapped = (template.packages?.system ?? []).flatMap((name, position) =>
    MAPPED.has(name) || isVendorPackage(name) ? [] : [{ name, position }],
  );
  // The index is a large file to unpack: a template whose packages are all mapped never needs it.
  if (unmapped.length === 0) return [];
  const index = packageIndex(distro);
  if (!index) return [];
  return unmapped.flatMap(({ name, position }): PackageFinding[] => {
    if (index.has(name)) return [];
    const closest = index.closest(name);
    return [
      {
        severity: 'warning',
        field: 'packages',
        path: ['packages', 'system', position],
        message: `packages.system[${position}] '${name}' is not in the package index for ${distro} (${index.source})${closest ? `; did you mean '${closest}'?` : ''}`,
      },
    ];
  });
}
