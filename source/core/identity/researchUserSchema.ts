import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';
import { POSIX_NAME_PATTERN } from '../templates/templateSchema.js';
import type { ResearchUser } from './ResearchUser.js';

export const globusIdentitySchema = lazySchema(() =>
  z.strictObject({
    sub: z.string().min(1),
    username: z.string().min(1),
    institution: z.string().optional(),
    verified_at: z.string().min(1),
  }),
);

/** A stored research user, checked on every read so that a hand-edited file cannot smuggle in junk. */
export const researchUserSchema = z.strictObject({
  username: z.string().regex(POSIX_NAME_PATTERN, 'not a valid POSIX username'),
  full_name: z.string().optional(),
  email: z.string().optional(),
  uid: z.number().int().positive(),
  gid: z.number().int().positive(),
  groups: z.array(z.string().regex(POSIX_NAME_PATTERN, 'not a valid group name')),
  shell: z.string().regex(/^\/[A-Za-z0-9_./-]+$/, 'a shell is an absolute path'),
  ssh_public_keys: z.array(z.string().min(1)),
  ssh_private_key_path: z.string().optional(),
  globus: globusIdentitySchema.optional(),
  created_at: z.string().min(1),
}) satisfies z.ZodType<ResearchUser>;
