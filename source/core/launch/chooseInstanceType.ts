import type { ResolvedTemplate } from '../templates/templateSchema.js';
import { LaunchError } from './LaunchError.js';
import type { LaunchRequest } from './LaunchRequest.js';

/** Used when neither the request nor the template names a type. */
export const FALLBACK_INSTANCE_TYPE = 't3.medium';

/**
 * The instance type of a launch: an explicit type wins, then the template's size of that name,
 * then the template's default type.
 */
export function chooseInstanceType(
  template: ResolvedTemplate,
  request: Pick<LaunchRequest, 'size' | 'instance_type'>,
): string {
  if (request.instance_type) return request.instance_type;
  if (request.size) {
    const sizes = template.sizes ?? {};
    const match = Object.entries(sizes).find(([size]) => size.toLowerCase() === request.size?.toLowerCase());
    if (!match) {
      const offered = Object.keys(sizes);
      throw new LaunchError(
        'resolve-template',
        `${template.slug} has no size '${request.size}'`,
        offered.length > 0 ? `Its sizes are ${offered.join(', ')}.` : 'Give an instance type with --type.',
      );
    }
    return match[1];
  }
  return template.instance_defaults?.type ?? Object.values(template.sizes ?? {})[0] ?? FALLBACK_INSTANCE_TYPE;
}
