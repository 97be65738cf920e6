import { CloudError } from '../../core/CloudError.js';
import { type AwsCallContext, translateAwsError } from '../translateAwsError.js';

/**
 * SageMaker's own error names, which the shared translation does not know: a quota
 * (ResourceLimitExceeded) and a resource busy with another step (ResourceInUse).
 */
export function translateSageMakerError(thrown: unknown, context: AwsCallContext): CloudError {
  const name = thrown instanceof Error ? thrown.name : '';
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const where = context.region ? ` in ${context.region}` : '';
  if (name === 'ResourceLimitExceeded') {
    return new CloudError({
      kind: 'quota',
      code: name,
      message: `A SageMaker quota${where} is used up: ${message}`,
      hint: 'Stop a running space or app, choose another instance type, or request a higher limit in Service Quotas (Amazon SageMaker).',
    });
  }
  if (name === 'ResourceInUse') {
    return new CloudError({
      kind: 'conflict',
      code: name,
      message: `${context.action}${where}: the resource is busy: ${message}`,
      hint: 'Wait for its current step to finish (apps are deleted before spaces, spaces before profiles), then retry.',
      retryable: true,
    });
  }
  return translateAwsError(thrown, context);
}

/** Runs one SageMaker call and lets only CloudErrors escape. */
export async function callSageMaker<T>(context: AwsCallContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (thrown) {
    throw translateSageMakerError(thrown, context);
  }
}
