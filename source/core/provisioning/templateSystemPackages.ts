import type { Distro } from '../images/baseImages.js';
import { describeTemplateImage, isTemplateImageProblem } from '../templates/templateImage.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { type PackageFamily, planSystemPackages, type SystemPackagePlan } from './planSystemPackages.js';
import { vendorPackageProblems } from './vendorPackages.js';
import { webServiceKind } from './webServiceKind.js';

/** What the script itself needs besides the template's own packages. */
export interface ScriptPackageNeeds {
  efs: boolean;
  /** pip packages go to a venv (no conda). */
  pythonVenv: boolean;
}

/** Which naming the template's system packages follow: its package manager, else its base's distro. */
export function packageFamilyOf(
  template: Pick<ResolvedTemplate, 'package_manager' | 'base' | 'ami_config'>,
): PackageFamily {
  if (template.package_manager === 'apt' || template.package_manager === 'dnf')
    return template.package_manager;
  // An AMI base's packages are named the way its Linux names them.
  const image = describeTemplateImage(template);
  if (!isTemplateImageProblem(image)) return image.distro === 'ubuntu' ? 'apt' : 'dnf';
  return /rocky|al2023|amazon|rhel|alma|fedora|centos/i.test(template.base ?? '') ? 'dnf' : 'apt';
}

/** R comes with the workstation when the template lists R packages or runs RStudio Server. */
export const templateNeedsR = (template: ResolvedTemplate): boolean =>
  (template.packages?.r ?? []).length > 0 ||
  (template.services ?? []).some((service) => webServiceKind(service.name) === 'rstudio');

/**
 * The system packages a template's script installs on `distro`: the template's own, mapped from
 * the naming it is written in, plus what the script needs (curl, unzip, the NFS client, R, a venv),
 * with every package the distro cannot install listed once in `unavailable`.
 */
export function templateSystemPackages(
  template: ResolvedTemplate,
  distro: Distro,
  needs: ScriptPackageNeeds,
): SystemPackagePlan {
  const implicit = ['curl', 'ca-certificates', 'unzip'];
  if (needs.efs) implicit.push('nfs-common', ...(distro === 'al2023' ? ['amazon-efs-utils'] : []));
  if (needs.pythonVenv) implicit.push('python3', 'python3-venv');
  if (templateNeedsR(template)) implicit.push('r-base', 'r-base-dev');
  // A vendor package comes from its service's section, or cannot be installed by the distro at all.
  const vendor = vendorPackageProblems(template, distro);
  const vendorNames = new Set(vendor.map((problem) => problem.name));
  const own = planSystemPackages(
    (template.packages?.system ?? []).filter((name) => !vendorNames.has(name)),
    distro,
    packageFamilyOf(template),
  );
  for (const problem of vendor) {
    if (problem.kind === 'misplaced')
      own.unavailable.push({ name: problem.name, reason: 'vendor', fix: problem.message });
  }
  const required = planSystemPackages(implicit, distro, 'apt');
  const union = <T>(first: T[], second: T[]): T[] => [...new Set([...first, ...second])];
  return {
    packages: union(required.packages, own.packages),
    groups: union(required.groups, own.groups),
    repositories: union(required.repositories, own.repositories),
    unavailable: [...own.unavailable, ...required.unavailable].filter(
      (item, index, all) => all.findIndex((other) => other.name === item.name) === index,
    ),
  };
}
