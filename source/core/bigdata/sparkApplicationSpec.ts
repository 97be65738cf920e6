import { BigDataError } from './BigDataError.js';
import type { EmrServerlessConfig } from './bigdataTemplateSchema.js';
import type { SparkApplicationSpec, SparkNetwork, WorkerGroup } from './ports.js';
import { releaseLabelProblem } from './releaseLabels.js';
import { FREE_WORKER_DISK_GB, workerSizeProblem } from './workerSizes.js';

/** What `bigdata create` may change of a template's settings. */
export interface SparkApplicationOverrides {
  release_label?: string;
  max_vcpu?: number;
  max_memory_gb?: number;
}

/** EMR Serverless application names: 1-64 letters, digits and . _ / # - (cws-tui keeps to a slug). */
export const APPLICATION_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

function group(
  input: NonNullable<EmrServerlessConfig['initial_capacity']>['driver'],
): WorkerGroup | undefined {
  if (!input) return undefined;
  return {
    workers: input.workers,
    vcpu: input.vcpu,
    memory_gb: input.memory_gb,
    disk_gb: input.disk_gb ?? FREE_WORKER_DISK_GB,
  };
}

/**
 * The application a template describes, with the command's overrides; refuses (before any call)
 * a bad name, an unknown release label or a worker size EMR Serverless does not offer.
 */
export function sparkApplicationSpec(
  config: EmrServerlessConfig,
  request: { name: string; region: string; tags: Record<string, string>; network?: SparkNetwork },
  overrides: SparkApplicationOverrides = {},
): SparkApplicationSpec {
  if (!APPLICATION_NAME.test(request.name))
    throw new BigDataError(
      'input',
      `'${request.name}' is not an application name: lowercase letters, digits and - (max 63)`,
    );
  const release = overrides.release_label ?? config.release_label;
  const problem = releaseLabelProblem(release, 'emr-serverless');
  if (problem) throw new BigDataError('input', problem);
  for (const size of [config.initial_capacity?.driver, config.initial_capacity?.executor]) {
    const sizeProblem = size && workerSizeProblem(size.vcpu, size.memory_gb);
    if (sizeProblem) throw new BigDataError('input', sizeProblem);
  }
  const vcpu = overrides.max_vcpu ?? config.maximum_capacity.vcpu;
  const memory = overrides.max_memory_gb ?? config.maximum_capacity.memory_gb;
  for (const [what, value] of [
    ['--max-vcpu', vcpu],
    ['--max-memory', memory],
  ] as const)
    if (!Number.isInteger(value) || value <= 0)
      throw new BigDataError('input', `${what} is a whole number above 0, not ${value}`);
  const driver = group(config.initial_capacity?.driver);
  const executor = group(config.initial_capacity?.executor);
  const spec: SparkApplicationSpec = {
    name: request.name,
    region: request.region,
    release_label: release,
    architecture: config.architecture === 'arm64' ? 'ARM64' : 'X86_64',
    maximum_capacity: {
      vcpu,
      memory_gb: memory,
      disk_gb: config.maximum_capacity.disk_gb ?? Math.max(200, vcpu * 20),
    },
    auto_start: config.auto_start ?? true,
    tags: request.tags,
  };
  if (driver || executor)
    spec.initial_capacity = { ...(driver ? { driver } : {}), ...(executor ? { executor } : {}) };
  if (config.auto_stop_idle_minutes !== undefined)
    spec.auto_stop_idle_minutes = config.auto_stop_idle_minutes;
  if (request.network) spec.network = request.network;
  return spec;
}
