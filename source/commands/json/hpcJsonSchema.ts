import { z } from 'zod';

const clusterNode = z.looseObject({
  instance_id: z.string(),
  instance_type: z.string(),
  state: z.string(),
  launched_at: z.string(),
});

/** A row of `cws-tui hpc list --json`. */
export const clusterJsonSchema = z.looseObject({
  name: z.string(),
  region: z.string(),
  status: z.string(),
  made_by: z.enum(['cws-tui', 'pcluster']),
  version: z.string().nullable(),
  compute_fleet: z.string(),
  head_node: clusterNode.nullable(),
  nodes_up: z.number(),
  usd_per_hour: z.number().nullable(),
  created_at: z.string(),
});
export const clusterListJsonSchema = z.array(clusterJsonSchema).meta({ id: 'ClusterList' });

/** `cws-tui hpc show <name> --json`: the row with its failure, advice and queues. */
export const clusterDetailJsonSchema = clusterJsonSchema
  .extend({
    first_failure: z
      .looseObject({
        stack: z.string(),
        logical_id: z.string(),
        resource_type: z.string(),
        reason: z.string(),
        at: z.string(),
      })
      .nullable(),
    recommendations: z.array(z.unknown()),
    queues: z.array(z.looseObject({})).nullable(),
    queues_error: z.string().nullable(),
  })
  .meta({ id: 'ClusterDetail' });

/** A row of `cws-tui hpc jobs <name> --json` (squeue). */
export const slurmJobJsonSchema = z.looseObject({
  job_id: z.string(),
  user: z.string(),
  state: z.string(),
  partition: z.string(),
  nodes: z.number(),
  time_used_seconds: z.number(),
  time_limit: z.string(),
  submitted_at: z.string(),
  node_list: z.string(),
  reason: z.string(),
  name: z.string(),
});
export const slurmJobListJsonSchema = z.array(slurmJobJsonSchema).meta({ id: 'SlurmJobList' });

/** `cws-tui hpc history <name> --json` (sacct with each job's cost). */
export const jobHistoryJsonSchema = z
  .looseObject({
    since: z.string(),
    jobs: z.array(
      z.looseObject({
        job_id: z.string(),
        user: z.string(),
        partition: z.string(),
        state: z.string(),
        exit_code: z.string(),
        elapsed_seconds: z.number(),
        nodes: z.number(),
        submitted_at: z.string(),
        node_list: z.string(),
        name: z.string(),
        usd: z.number().nullable(),
        cost_note: z.string().optional(),
      }),
    ),
    total_usd: z.number(),
  })
  .meta({ id: 'SlurmJobHistory' });

export const jobSubmittedJsonSchema = z
  .strictObject({ cluster: z.string(), job_id: z.string() })
  .meta({ id: 'SlurmJobSubmitted' });
export const jobCancelledJsonSchema = z
  .strictObject({
    cluster: z.string(),
    job_id: z.string(),
    cancelled: z.literal(true),
  })
  .meta({ id: 'SlurmJobCancelled' });

/** `cws-tui hpc create <name> --template T --no-wait --json`: the stack is on its way. */
export const clusterCreatingJsonSchema = z
  .looseObject({
    name: z.string(),
    region: z.string(),
    status: z.literal('CREATE_IN_PROGRESS'),
    template: z.string(),
    head_node_usd_per_hour: z.number().nullable(),
    config: z.looseObject({}),
  })
  .meta({ id: 'ClusterCreating' });

/** `cws-tui hpc update <name> --json`: what changed, and whether the fleet had to stop for it. */
export const clusterUpdatedJsonSchema = z
  .strictObject({
    name: z.string(),
    changes: z.array(z.string()),
    fleet_stop_reason: z.string().nullable(),
    stopped_fleet: z.boolean(),
  })
  .meta({ id: 'ClusterUpdated' });

/** `cws-tui hpc start|stop <name> --json`: the compute fleet's requested state. */
export const clusterFleetJsonSchema = z
  .strictObject({ name: z.string(), compute_fleet: z.enum(['START_REQUESTED', 'STOP_REQUESTED']) })
  .meta({ id: 'ClusterFleet' });

/** `cws-tui hpc delete <name> --yes --json`. */
export const clusterDeletingJsonSchema = z
  .strictObject({ name: z.string(), status: z.literal('DELETE_IN_PROGRESS') })
  .meta({ id: 'ClusterDeleting' });
