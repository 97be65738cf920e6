import { z } from 'zod';
import { policySuggestionJsonSchema, policyViolationJsonSchema } from './policyVerdictJsonSchema.js';

/** `policy show --json`: the policy in force, its rules in words, and the signed chain it came down. */
export const policyShowJsonSchema = z
  .object({
    source: z.string(),
    policy: z.record(z.string(), z.unknown()),
    rules: z.array(z.string()),
    chain: z.array(
      z.object({
        issuer: z.string(),
        fingerprint: z.string(),
        issued_at: z.string(),
        policy: z.record(z.string(), z.unknown()),
      }),
    ),
    chain_problems: z.array(z.string()),
  })
  .meta({ id: 'PolicyShow' });

/** `policy test --json`: the verdict on a launch that was not made (exit 3, HTTP 403, when denied). */
export const policyTestJsonSchema = z
  .object({
    source: z.string(),
    request: z.record(z.string(), z.unknown()),
    hourly_cost: z.number().nullable(),
    allowed: z.boolean(),
    violations: z.array(policyViolationJsonSchema),
    suggestions: z.array(policySuggestionJsonSchema),
    checked: z.array(z.string()),
    notes: z.array(z.string()),
  })
  .meta({ id: 'PolicyTest' });
