import type { InstanceChoice, LaunchChoices } from '../../app/session/launchChoices.js';
import type { InstanceTypeInfo } from '../../core/catalog/InstanceTypeInfo.js';
import { formatUsdPerHour } from '../../core/cost/formatUsd.js';
import {
  evaluateInstanceTypeAccess,
  type InstanceTypeAccess,
} from '../../core/policy/evaluateInstanceTypeAccess.js';
import type { Policy } from '../../core/policy/policySchema.js';

/** One row of the size page: a template size, or any type of the catalog below them. */
export interface InstanceChoiceRow extends InstanceChoice {
  key: string;
  /** Whether the policy's type, size and price rules let it launch, and which rule if not. */
  access: InstanceTypeAccess;
}

/**
 * The template's sizes first (the usual pick), then every catalog type, cheapest first; each judged
 * by the policy's type rules so the page can dim the ones it forbids.
 */
export function instanceChoiceRows(choices: LaunchChoices, policy: Policy = {}): InstanceChoiceRow[] {
  const judged = (choice: InstanceChoice, key: string): InstanceChoiceRow => ({
    ...choice,
    key,
    access: evaluateInstanceTypeAccess(policy, { ...choice, region: choices.region }),
  });
  return [
    ...choices.sizes.map((choice) => judged(choice, `size:${choice.size}`)),
    ...choices.instance_types.map((choice) => judged(choice, `type:${choice.instance_type}`)),
  ];
}

/** `2 vCPU · 8 GiB · 1 GPU (T4)`, or `unknown type` when the catalog does not describe it. */
export function describeInstanceShape(info: InstanceTypeInfo | undefined): string {
  if (!info) return 'not in the catalog';
  const gpu = info.gpus > 0 ? ` · ${info.gpus} GPU${info.gpu_model ? ` (${info.gpu_model})` : ''}` : '';
  return `${info.vcpus} vCPU · ${info.memory_gib} GiB${gpu}`;
}

/** `$0.0416/h`, or `no price` when the catalog has none for the region. */
export function formatHourly(hourly: number | undefined): string {
  return hourly === undefined ? 'no price' : formatUsdPerHour(hourly);
}
