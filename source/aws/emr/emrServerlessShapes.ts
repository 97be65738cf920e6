import type {
  Application,
  ApplicationSummary,
  InitialCapacityConfig,
  JobRunSummary,
  MaximumAllowedResources,
  JobRun as SdkJobRun,
} from '@aws-sdk/client-emr-serverless';
import {
  APPLICATION_STATES,
  type ApplicationState,
  JOB_RUN_STATES,
  type JobRun,
  type JobRunState,
  type SparkApplication,
  type SparkCapacity,
  type WorkerGroup,
} from '../../core/bigdata/ports.js';

/** "4 vCPU", "16 GB", "20GB": EMR Serverless writes sizes as text. */
export function sizeOf(text: string | undefined): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(vCPU|GB)?\s*$/i.exec(text ?? '');
  return match ? Number(match[1]) : 0;
}

export function capacityText(capacity: SparkCapacity): MaximumAllowedResources {
  return { cpu: `${capacity.vcpu} vCPU`, memory: `${capacity.memory_gb} GB`, disk: `${capacity.disk_gb} GB` };
}

export function workerGroupConfig(group: WorkerGroup): InitialCapacityConfig {
  return {
    workerCount: group.workers,
    workerConfiguration: {
      cpu: `${group.vcpu} vCPU`,
      memory: `${group.memory_gb} GB`,
      disk: `${group.disk_gb} GB`,
    },
  };
}

function workerGroupOf(config: InitialCapacityConfig | undefined): WorkerGroup | undefined {
  if (!config) return undefined;
  return {
    workers: config.workerCount ?? 0,
    vcpu: sizeOf(config.workerConfiguration?.cpu),
    memory_gb: sizeOf(config.workerConfiguration?.memory),
    disk_gb: sizeOf(config.workerConfiguration?.disk) || 20,
  };
}

const iso = (date: Date | undefined): string => (date ?? new Date(0)).toISOString();

function applicationState(state: string | undefined): ApplicationState {
  return (APPLICATION_STATES as readonly string[]).includes(state ?? '')
    ? (state as ApplicationState)
    : 'CREATING';
}

export function jobRunState(state: string | undefined): JobRunState {
  return (JOB_RUN_STATES as readonly string[]).includes(state ?? '') ? (state as JobRunState) : 'PENDING';
}

/** The application as the app sees it, from GetApplication (a summary lacks capacity and tags). */
export function toSparkApplication(
  region: string,
  application: Application | ApplicationSummary,
): SparkApplication {
  const full = application as Application & ApplicationSummary;
  const driver = workerGroupOf(full.initialCapacity?.Driver);
  const executor = workerGroupOf(full.initialCapacity?.Executor);
  const result: SparkApplication = {
    id: full.applicationId ?? full.id ?? '',
    name: full.name ?? '',
    region,
    state: applicationState(full.state),
    release_label: full.releaseLabel ?? '',
    architecture: full.architecture === 'ARM64' ? 'ARM64' : 'X86_64',
    maximum_capacity: {
      vcpu: sizeOf(full.maximumCapacity?.cpu),
      memory_gb: sizeOf(full.maximumCapacity?.memory),
      disk_gb: sizeOf(full.maximumCapacity?.disk),
    },
    auto_start: full.autoStartConfiguration?.enabled ?? true,
    created_at: iso(full.createdAt),
    updated_at: iso(full.updatedAt),
    tags: { ...(full.tags ?? {}) },
  };
  if (full.stateDetails) result.state_details = full.stateDetails;
  if (driver || executor)
    result.initial_capacity = { ...(driver ? { driver } : {}), ...(executor ? { executor } : {}) };
  const stop = full.autoStopConfiguration;
  if (stop?.enabled !== false) result.auto_stop_idle_minutes = stop?.idleTimeoutMinutes ?? 15;
  const network = full.networkConfiguration;
  if (network?.subnetIds?.length)
    result.network = { subnet_ids: network.subnetIds, security_group_ids: network.securityGroupIds ?? [] };
  return result;
}

export function toJobRun(run: SdkJobRun | JobRunSummary): JobRun {
  const full = run as SdkJobRun & JobRunSummary;
  const submit = full.jobDriver?.sparkSubmit;
  const result: JobRun = {
    id: full.jobRunId ?? full.id ?? '',
    application_id: full.applicationId ?? '',
    name: full.name ?? '',
    state: jobRunState(full.state),
    created_at: iso(full.createdAt),
    updated_at: iso(full.updatedAt),
    entry_point: submit?.entryPoint ?? '',
    arguments: submit?.entryPointArguments ?? [],
  };
  if (full.stateDetails) result.state_details = full.stateDetails;
  if (submit?.sparkSubmitParameters) result.spark_submit_parameters = submit.sparkSubmitParameters;
  const logUri = full.configurationOverrides?.monitoringConfiguration?.s3MonitoringConfiguration?.logUri;
  if (logUri) result.log_uri = logUri;
  const billed = full.billedResourceUtilization;
  if (billed)
    result.billed = {
      vcpu_hours: billed.vCPUHour ?? 0,
      memory_gb_hours: billed.memoryGBHour ?? 0,
      storage_gb_hours: billed.storageGBHour ?? 0,
    };
  if (full.totalExecutionDurationSeconds !== undefined)
    result.duration_seconds = full.totalExecutionDurationSeconds;
  if (full.attempt !== undefined) result.attempts = full.attempt;
  if (full.releaseLabel) result.release_label = full.releaseLabel;
  return result;
}
