import { z } from 'zod';
import type { SessionLaunchResult } from '../../app/session/Session.js';
import { roundUsd, roundUsdPerHour } from '../../core/cost/formatUsd.js';
import type { LaunchProgress } from '../../core/launch/LaunchProgress.js';
import { LAUNCH_STEPS } from '../../core/launch/LaunchProgress.js';
import type { ServiceLaunchResult } from '../../core/services/Service.js';
import { workstationJson } from '../listCommand.js';
import { policySuggestionJsonSchema, policyViolationJsonSchema } from './policyVerdictJsonSchema.js';
import { workstationJsonSchema } from './workstationJsonSchema.js';

/** One step of the launch pipeline as the TUI, `launch --json` and the API's events show it. */
export const launchProgressJsonSchema = z
  .object({
    step: z.enum(LAUNCH_STEPS),
    status: z.enum(['started', 'done', 'skipped', 'failed']),
    detail: z.string(),
    at: z.string(),
  })
  .meta({ id: 'LaunchProgress' });

/** `launch --json` of an EC2 template: the new workstation, its estimate and the steps it went through. */
export const workstationLaunchJsonSchema = z
  .object({
    launch_id: z.string(),
    resumed: z.boolean(),
    workstation: workstationJsonSchema,
    estimate: z.object({
      hourly: z.number(),
      monthly: z.number(),
      basis: z.literal('estimate'),
      note: z.string().nullable(),
    }),
    policy: z.object({ allowed: z.boolean(), notes: z.array(z.string()) }),
    user_data: z.object({ bytes: z.number(), compressed: z.boolean() }),
    steps: z.array(launchProgressJsonSchema),
  })
  .meta({ id: 'WorkstationLaunch' });

/** `launch --json` (and `services launch --json`) of a managed service. */
export const serviceLaunchJsonSchema = z
  .object({
    service: workstationJsonSchema,
    hourly_cost: z.number(),
    resumed: z.boolean(),
    steps: z.array(launchProgressJsonSchema),
  })
  .meta({ id: 'ServiceLaunch' });

/** `launch --json` when the policy or a lab rule denies it (exit 3; HTTP 403 as the error's details). */
export const launchDeniedJsonSchema = z
  .object({
    allowed: z.literal(false),
    violations: z.array(policyViolationJsonSchema).optional(),
    suggestions: z.array(policySuggestionJsonSchema).optional(),
    refused: z.string().optional(),
    steps: z.array(launchProgressJsonSchema),
  })
  .meta({ id: 'LaunchDenied' });

export const launchJsonSchema = z
  .union([workstationLaunchJsonSchema, serviceLaunchJsonSchema])
  .meta({ id: 'LaunchResult' });

export function workstationLaunchJson(
  result: SessionLaunchResult,
  steps: LaunchProgress[],
): z.infer<typeof workstationLaunchJsonSchema> {
  return {
    launch_id: result.record.id,
    resumed: result.resumed,
    workstation: workstationJson(result.workstation),
    estimate: {
      hourly: roundUsdPerHour(result.estimate.hourly),
      monthly: roundUsd(result.estimate.monthly),
      basis: result.estimate.basis,
      note: result.estimate.note ?? null,
    },
    policy: { allowed: result.verdict.allowed, notes: result.verdict.notes },
    user_data: result.user_data,
    steps,
  };
}

export function serviceLaunchJson(
  result: ServiceLaunchResult,
  steps: LaunchProgress[],
): z.infer<typeof serviceLaunchJsonSchema> {
  return {
    service: workstationJson(result.workstation),
    hourly_cost: roundUsdPerHour(result.hourly_cost),
    resumed: result.resumed,
    steps,
  };
}
