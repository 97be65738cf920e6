import type { InstanceChoice, LaunchChoices } from '../../app/session/launchChoices.js';
import type { InstanceTypeInfo } from '../../core/catalog/InstanceTypeInfo.js';
import { formatUsdPerHour } from '../../core/cost/formatUsd.js';

/** One row of the size page: a template size, or any type of the catalog below them. */
export interface InstanceChoiceRow extends InstanceChoice {
  key: string;
}

/** The template's sizes first (the usual pick), then every catalog type, cheapest first. */
export function instanceChoiceRows(choices: LaunchChoices): InstanceChoiceRow[] {
  return [
    ...choices.sizes.map((choice) => ({ ...choice, key: `size:${choice.size}` })),
    ...choices.instance_types.map((choice) => ({ ...choice, key: `type:${choice.instance_type}` })),
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
