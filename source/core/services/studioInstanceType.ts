import { LaunchError } from '../launch/LaunchError.js';
import type { LaunchRequest } from '../launch/LaunchRequest.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';

const DEFAULT_STUDIO_INSTANCE_TYPE = 'ml.t3.medium';

/** The ml.* type of a Studio launch: the flag, the size, the template's service type, or the default. */
export function studioInstanceType(request: LaunchRequest, template: ResolvedTemplate): string {
  const fromSize = request.size ? template.sizes?.[request.size] : undefined;
  if (request.size && !fromSize) {
    const sizes = Object.keys(template.sizes ?? {});
    throw new LaunchError(
      'estimate-cost',
      `${template.slug} has no size '${request.size}'${sizes.length > 0 ? ` (sizes: ${sizes.join(', ')})` : ''}`,
    );
  }
  const serviceType =
    template.service_config?.kind === 'sagemaker-studio' ? template.service_config.instance_type : undefined;
  const type =
    request.instance_type ??
    fromSize ??
    serviceType ??
    template.instance_defaults?.type ??
    DEFAULT_STUDIO_INSTANCE_TYPE;
  if (!type.startsWith('ml.')) {
    throw new LaunchError(
      'estimate-cost',
      `'${type}' is not a SageMaker instance type`,
      'SageMaker types start with ml., e.g. ml.t3.medium.',
    );
  }
  return type;
}
