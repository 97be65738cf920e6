import { z } from 'zod';
import { INSTANCE_STATES } from '../../core/ports.js';

/**
 * One row as `list --json`, `start|stop|hibernate|terminate --json` and the service API print it:
 * EC2's state names, USD per hour. Defined once; the command's builder and the API's document use it.
 */
export const workstationJsonSchema = z
  .object({
    name: z.string(),
    id: z.string(),
    kind: z.enum([
      'ec2',
      'sagemaker-studio',
      'sagemaker-canvas',
      'studio-lab',
      'hpc-cluster',
      'emr-application',
      'emr-cluster',
    ]),
    template: z.string(),
    state: z.enum([...INSTANCE_STATES, 'hibernated']),
    hibernated: z.boolean(),
    instance_type: z.string(),
    region: z.string(),
    launched_at: z.string(),
    hourly_cost: z.number().nullable(),
    research_user: z.string().nullable(),
    profile: z.string().nullable(),
    project: z.string().nullable(),
    connect: z.string(),
    public_ip: z.string().nullable(),
    private_ip: z.string().nullable(),
    tampered: z.array(z.string()).optional(),
  })
  .meta({ id: 'Workstation' });

export type WorkstationJson = z.infer<typeof workstationJsonSchema>;

/** `list --json`: the rows, then one `unknown` row per service that could not be listed. */
export const workstationListJsonSchema = z
  .array(
    z.union([
      workstationJsonSchema,
      z.object({ name: z.null(), kind: z.string(), state: z.literal('unknown'), error: z.string() }),
    ]),
  )
  .meta({ id: 'WorkstationList' });
