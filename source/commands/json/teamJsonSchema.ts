import { z } from 'zod';

/** A research user as `users list|show --json` prints it (POSIX identity shared by every workstation). */
export const researchUserJsonSchema = z
  .object({
    username: z.string(),
    uid: z.number(),
    gid: z.number(),
    groups: z.array(z.string()),
    shell: z.string(),
    ssh_public_keys: z.array(z.string()),
    created_at: z.string(),
  })
  .loose()
  .meta({ id: 'ResearchUser' });

/** An invitation of the lab's store as `invite list --json` prints it. */
export const invitationJsonSchema = z
  .object({ id: z.string(), state: z.string() })
  .loose()
  .meta({ id: 'Invitation' });

/** `team status --json`: the lab's store with its users, budgets, policies and running caps. */
export const teamStatusJsonSchema = z
  .object({
    store: z.string(),
    counts: z.record(z.string(), z.number()),
    users: z.array(z.object({ username: z.string(), uid: z.number(), email: z.string().nullable() })),
    budgets: z.array(z.object({ scope: z.string(), budget: z.unknown() })),
    policies: z.array(z.string()),
    caps: z.unknown(),
  })
  .loose()
  .meta({ id: 'TeamStatus' });

/** A profile as `profiles list --json` prints it (never its invitation token). */
export const profileJsonSchema = z
  .object({ name: z.string(), current: z.boolean(), region: z.string() })
  .loose()
  .meta({ id: 'Profile' });
