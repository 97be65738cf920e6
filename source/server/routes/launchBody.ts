import { z } from 'zod';
import type { CommandFlags } from '../../commands/CommandFlags.js';

/** `POST /v1/workstations` and `POST /v1/services`: the launch command's arguments and flags, as JSON. */
export const launchBodySchema = z
  .strictObject({
    template: z.string().min(1),
    name: z.string().min(1),
    size: z.string().optional(),
    type: z.string().optional(),
    params: z.record(z.string(), z.string()).optional(),
    spot: z.boolean().optional(),
    hibernation: z.boolean().optional(),
    root_volume_gb: z.number().optional(),
    efs: z.string().optional(),
    access_point: z.string().optional(),
    project: z.string().optional(),
    tags: z.record(z.string(), z.string()).optional(),
    reason: z.string().optional(),
    notebook: z.string().optional(),
    wait_ready: z.boolean().optional(),
    abandon_unfinished: z.boolean().optional(),
  })
  .meta({ id: 'LaunchRequest' });

type LaunchBody = z.infer<typeof launchBodySchema>;

const pairs = (record: Record<string, string> | undefined) =>
  Object.entries(record ?? {}).map(([key, value]) => `${key}=${value}`);

/** The flags `cws-tui launch` would be given for this body; the command checks them as it always does. */
export function launchFlagsOf(body: LaunchBody): Partial<CommandFlags> {
  return {
    spot: body.spot ?? false,
    hibernation: body.hibernation ?? false,
    waitReady: body.wait_ready ?? false,
    abandonUnfinished: body.abandon_unfinished ?? false,
    param: pairs(body.params),
    tag: pairs(body.tags),
    size: body.size,
    type: body.type,
    rootVolume: body.root_volume_gb,
    efs: body.efs,
    accessPoint: body.access_point,
    project: body.project,
    reason: body.reason,
    notebook: body.notebook,
  };
}
