import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

export const WEB_SERVICE_KINDS = ['sagemaker-studio', 'sagemaker-canvas', 'studio-lab'] as const;
export type WebServiceKind = (typeof WEB_SERVICE_KINDS)[number];

const sageMakerInstanceType = lazySchema(() =>
  z.string().regex(/^ml\.[a-z][a-z0-9-]*\.[a-z0-9]+$/, 'a SageMaker instance type looks like "ml.t3.medium"'),
);
// SageMaker accepts idle shutdown after 60 minutes up to one year.
const sageMakerIdleTimeout = lazySchema(() =>
  z
    .number()
    .int()
    .min(60, 'SageMaker idle shutdown is 60-525600 minutes')
    .max(525600, 'SageMaker idle shutdown is 60-525600 minutes'),
);

/**
 * A managed web service instead of an EC2 workstation, validated per kind. A template with a
 * service_config has no `base`: there is no image to resolve.
 */
export const serviceConfigSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('sagemaker-studio'),
      app_type: z.enum(['JupyterLab', 'CodeEditor']).optional(),
      instance_type: sageMakerInstanceType.optional(),
      idle_timeout_minutes: sageMakerIdleTimeout.optional(),
    }),
    z.strictObject({
      kind: z.literal('sagemaker-canvas'),
      // No idle_timeout_minutes: SageMaker API Reference, UserSettings.CanvasAppSettings has no idle
      // shutdown for Canvas, so a timeout here would be a promise nothing keeps.
    }),
    z.strictObject({
      kind: z.literal('studio-lab'),
      url: z.url({ protocol: /^https$/, error: 'url is an https:// address' }).optional(),
    }),
  ]),
);

export type ServiceConfig = z.infer<typeof serviceConfigSchema>;
