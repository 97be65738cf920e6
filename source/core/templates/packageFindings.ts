import type { Distro } from '../images/baseImages.js';
import { unprovidedUnits } from '../provisioning/unprovidedUnits.js';
import { vendorPackageProblems } from '../provisioning/vendorPackages.js';
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
