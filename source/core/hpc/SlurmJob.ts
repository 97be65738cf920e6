export const SLURM_JOB_STATES = [
  'PENDING',
  'RUNNING',
  'COMPLETING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'TIMEOUT',
  'NODE_FAIL',
  'OUT_OF_MEMORY',
  'PREEMPTED',
  'SUSPENDED',
  'CONFIGURING',
] as const;
export type SlurmJobState = (typeof SLURM_JOB_STATES)[number];

/** A job as squeue lists it (array tasks one per line: `123_4`). */
export interface SlurmJob {
  job_id: string;
  user: string;
  state: string;
  partition: string;
  nodes: number;
  time_used_seconds: number;
  time_limit: string;
  submitted_at: string;
  node_list: string;
  reason: string;
  name: string;
}

/** A finished or running job as sacct reports it. */
export interface SlurmAccountingRecord {
  job_id: string;
  user: string;
  partition: string;
  state: string;
  exit_code: string;
  elapsed_seconds: number;
  nodes: number;
  submitted_at: string;
  started_at?: string;
  ended_at?: string;
  node_list: string;
  name: string;
}

/** One queue (partition) as sinfo's node lines add up. */
export interface SlurmPartitionNodes {
  partition: string;
  idle: number;
  allocated: number;
  down: number;
  /** Powered down by autoscaling (`~`): not running, not billed. */
  powered_down: number;
  /** Powering up (`#`) or down (`%`). */
  changing: number;
}
