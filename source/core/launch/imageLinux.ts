import type { ImagePort } from '../ports.js';
import {
  describeTemplateImage,
  isTemplateImageProblem,
  launchDistro,
  TemplateImageError,
} from '../templates/templateImage.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { LaunchError } from './LaunchError.js';

/**
 * The Linux the boot script is made for: the template's own, or for an image source that names none,
 * what the image says of itself (DescribeImages); a launch that cannot tell stops here, before
 * anything is created, naming ami_config.distro.
 */
export async function imageLinux(
  template: ResolvedTemplate,
  region: string,
  imageId: string,
  images: ImagePort,
) {
  const image = describeTemplateImage(template);
  const says =
    isTemplateImageProblem(image) && image.atLaunch ? await images.imageDistro?.(region, imageId) : undefined;
  try {
    return launchDistro(template, imageId, says);
  } catch (error) {
    if (error instanceof TemplateImageError) throw new LaunchError('resolve-image', error.message);
    throw error;
  }
}
