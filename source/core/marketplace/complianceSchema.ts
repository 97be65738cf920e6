import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

export const COMPLIANCE_CONTROLS = ['encrypted_storage', 'no_public_ip', 'ssm_only', 'imdsv2'] as const;
export type ComplianceControl = (typeof COMPLIANCE_CONTROLS)[number];

/**
 * What a template claims about the data it is fit for (`compliance:` in the template): the launch
 * checks the controls against what it will create, and a policy can require frameworks.
 */
export const complianceSchema = lazySchema(() =>
  z.strictObject({
    data_classification: z.enum(['public', 'internal', 'confidential', 'restricted']).optional(),
    /** HIPAA, NIST-800-171, CUI, FERPA, ITAR, EAR, ... */
    frameworks: z
      .array(z.string().regex(/^[A-Za-z0-9-]{2,30}$/, 'a framework is a short name like HIPAA'))
      .optional(),
    controls: z.array(z.enum(COMPLIANCE_CONTROLS)).optional(),
    /** Regions the data may be processed in. */
    regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a region looks like us-east-1')).optional(),
  }),
);

export type Compliance = z.infer<typeof complianceSchema>;
