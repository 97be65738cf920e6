import type { BigDataConfig } from './bigdataTemplateSchema.js';
import { releaseLabelProblem } from './releaseLabels.js';
import { workerSizeProblem } from './workerSizes.js';

export interface BigDataTemplateFinding {
  severity: 'error' | 'warning';
  /** Where in the template, e.g. ['bigdata', 'release_label']. */
  path: readonly (string | number)[];
  message: string;
}

/** What EMR would refuse in a template's `bigdata` section, and what would cost money for nothing. */
export function bigdataTemplateFindings(config: BigDataConfig): BigDataTemplateFinding[] {
  const findings: BigDataTemplateFinding[] = [];
  const error = (path: readonly (string | number)[], message: string) =>
    findings.push({ severity: 'error', path: ['bigdata', ...path], message });
  const warn = (path: readonly (string | number)[], message: string) =>
    findings.push({ severity: 'warning', path: ['bigdata', ...path], message });
  if (config.kind === 'emr-studio') return findings;
  const release = releaseLabelProblem(config.release_label, config.kind);
  if (release) error(['release_label'], release);
  if (config.kind === 'emr-serverless') {
    let warmVcpu = 0;
    let warmMemory = 0;
    for (const role of ['driver', 'executor'] as const) {
      const group = config.initial_capacity?.[role];
      if (!group) continue;
      const size = workerSizeProblem(group.vcpu, group.memory_gb);
      if (size) error(['initial_capacity', role, 'memory_gb'], size);
      warmVcpu += group.workers * group.vcpu;
      warmMemory += group.workers * group.memory_gb;
    }
    if (warmVcpu > config.maximum_capacity.vcpu || warmMemory > config.maximum_capacity.memory_gb)
      error(
        ['initial_capacity'],
        `the initial capacity (${warmVcpu} vCPU, ${warmMemory} GB) is above the maximum capacity (${config.maximum_capacity.vcpu} vCPU, ${config.maximum_capacity.memory_gb} GB)`,
      );
    if (config.auto_stop_idle_minutes === undefined)
      warn(
        ['auto_stop_idle_minutes'],
        'no auto-stop: an idle application with initial capacity bills until stopped',
      );
    return findings;
  }
  if (config.managed_scaling && config.managed_scaling.min > config.managed_scaling.max)
    error(
      ['managed_scaling'],
      `managed scaling min ${config.managed_scaling.min} is above max ${config.managed_scaling.max}`,
    );
  if ((config.core.on_demand ?? 0) + (config.core.spot ?? 0) === 0)
    error(['core'], 'the core fleet needs at least one on_demand or spot instance');
  if (config.auto_termination_idle_minutes === undefined)
    warn(['auto_termination_idle_minutes'], 'no auto-termination: an idle cluster bills until terminated');
  return findings;
}
