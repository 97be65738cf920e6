import type { Distro } from '../images/baseImages.js';
import { describeTemplateImage, isAmiBased, isTemplateImageProblem } from '../templates/templateImage.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { foreignPostInstallCommand } from './postInstallDistros.js';
import { templateSystemPackages } from './templateSystemPackages.js';

export const DISTROS: readonly Distro[] = ['ubuntu', 'rocky', 'al2023'];

/**
 * The distros a template's boot script can be generated for: those that can install all of its
 * packages and have the package manager its post_install calls (a prebuilt image: its
 * own one). A template without a base image (a managed service such as SageMaker) has none.
 */
export function supportedDistros(template: ResolvedTemplate): Distro[] {
  if (template.base === undefined) return [];
  // An image with its software (an AMI base, a Deep Learning AMI) runs one Linux: its script is
  // made for that one only. Fixed AMIs that name no Linux are told it at launch, and every Linux may be asked for.
  const image = describeTemplateImage(template);
  const candidates = isTemplateImageProblem(image)
    ? isAmiBased(template) && !image.atLaunch
      ? []
      : DISTROS
    : image.prebuilt
      ? [image.distro]
      : DISTROS;
  return candidates.filter(
    (distro) =>
      templateSystemPackages(template, distro, { efs: true, pythonVenv: true }).unavailable.length === 0 &&
      foreignPostInstallCommand(template, distro) === undefined,
  );
}
