import { findGlobalSize } from '../templates/globalSizes.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import {
  findTemplateSize,
  minimumSizeType,
  templateArchitecture,
  templateSizes,
} from '../templates/templateSizes.js';
import { LaunchError } from './LaunchError.js';
import type { LaunchRequest } from './LaunchRequest.js';

/** Used when neither the request nor the template names a type. */
export const FALLBACK_INSTANCE_TYPE = 't3.medium';

/**
 * The instance type of a launch: an explicit type wins, then the template's size of that name (its
 * own sizes, else CloudWorkstation's global sizes), then the template's default type, its AMI's
 * type for the architecture, its minimum size, its first own size.
 */
export function chooseInstanceType(
  template: ResolvedTemplate,
  request: Pick<LaunchRequest, 'size' | 'instance_type'>,
): string {
  if (request.instance_type) return request.instance_type;
  if (request.size) {
    const match = findTemplateSize(template, request.size);
    if (!match) {
      const offered = Object.keys(templateSizes(template));
      const belowMinimum = findGlobalSize(request.size) && template.minimum_size !== undefined;
      throw new LaunchError(
        'resolve-template',
        belowMinimum
          ? `${template.slug} needs at least size ${template.minimum_size}, not '${request.size}'`
          : `${template.slug} has no size '${request.size}'`,
        offered.length > 0 ? `Its sizes are ${offered.join(', ')}.` : 'Give an instance type with --type.',
      );
    }
    return match[1];
  }
  return (
    template.instance_defaults?.type ??
    template.ami_config?.instance_types?.[templateArchitecture(template)] ??
    minimumSizeType(template) ??
    Object.values(template.sizes ?? {})[0] ??
    FALLBACK_INSTANCE_TYPE
  );
}
