import { z } from 'zod';

/** A rule a request breaks, as every `--json` output and the service API print it. */
export const policyViolationJsonSchema = z
  .object({
    rule: z.string(),
    expected: z.string(),
    actual: z.string(),
    message: z.string(),
    unverified: z.boolean(),
  })
  .meta({ id: 'PolicyViolation' });

/** A change that would make the request pass the rule it names. */
export const policySuggestionJsonSchema = z
  .object({ rule: z.string(), message: z.string(), instance_type: z.string().optional() })
  .meta({ id: 'PolicySuggestion' });
