import { z } from 'zod';

const fleet = z.looseObject({
  id: z.string(),
  role: z.enum(['primary', 'core']),
  instance_types: z.array(z.string()),
  on_demand: z.number(),
  spot: z.number(),
  provisioned_on_demand: z.number(),
  provisioned_spot: z.number(),
});

/** A cluster as `cws-tui bigdata cluster list|show|create --json` prints it. */
export const emrClusterJsonSchema = z
  .looseObject({
    id: z.string(),
    name: z.string(),
    region: z.string(),
    state: z.string(),
    release_label: z.string(),
    applications: z.array(z.string()),
    fleets: z.array(fleet),
    auto_termination_idle_minutes: z.number().optional(),
    ebs_gb: z.number(),
    created_at: z.string(),
    tags: z.record(z.string(), z.string()),
    usd_per_hour: z.number().nullable(),
  })
  .meta({ id: 'EmrCluster' });
export const emrClusterListJsonSchema = z.array(emrClusterJsonSchema).meta({ id: 'EmrClusterList' });

/** A step as `cws-tui bigdata cluster steps <cluster> --json` prints it. */
export const emrStepListJsonSchema = z
  .array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      state: z.string(),
      args: z.array(z.string()),
      created_at: z.string(),
      failure: z.string().optional(),
    }),
  )
  .meta({ id: 'EmrStepList' });
