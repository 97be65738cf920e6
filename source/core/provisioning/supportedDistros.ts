import type { Distro } from '../images/baseImages.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { foreignPostInstallCommand } from './postInstallDistros.js';
import { templateSystemPackages } from './templateSystemPackages.js';

export const DISTROS: readonly Distro[] = ['ubuntu', 'rocky', 'al2023'];

/**
 * The distros a template's boot script can be generated for: those that can install all of its
 * packages and have the package manager its post_install calls. A template without a base image (a managed service such as SageMaker) has none.
 */
export function supportedDistros(template: ResolvedTemplate): Distro[] {
  if (template.base === undefined) return [];
  return DISTROS.filter(
    (distro) =>
      templateSystemPackages(template, distro, { efs: true, pythonVenv: true }).unavailable.length === 0 &&
      foreignPostInstallCommand(template, distro) === undefined,
  );
}
