import { z } from 'zod';

/** `connect <name> --json`: how to get in now (SSH, SSM, a tunnel or a signed URL). */
export const connectionJsonSchema = z
  .object({
    name: z.string(),
    workstation_kind: z.string(),
    plan: z.object({ kind: z.string() }).loose(),
  })
  .meta({ id: 'Connection' });

/** `services health <name> --json`: whether the service answers. */
export const serviceHealthJsonSchema = z
  .object({
    name: z.string(),
    kind: z.string(),
    status: z.enum(['healthy', 'starting', 'unhealthy', 'stopped', 'unknown']),
    detail: z.string(),
  })
  .meta({ id: 'ServiceHealth' });
