import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';
import { POSIX_NAME_PATTERN } from '../templates/templateSchema.js';

/** A project name: what goes into the `cws:project` and `project` tags (tag-safe, short). */
export const PROJECT_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export const projectSchema = lazySchema(() =>
  z.object({
    name: z.string().regex(PROJECT_NAME),
    description: z.string().optional(),
    /** Research users who work in the project. */
    members: z.array(z.string().regex(POSIX_NAME_PATTERN)),
    created_at: z.string(),
    created_by: z.string(),
  }),
);

export type Project = z.infer<typeof projectSchema>;

/** The monthly budget of a project, in USD, with the share of it that raises alerts. */
export const projectBudgetSchema = lazySchema(() =>
  z.object({
    monthly_usd: z.number().positive(),
    /** Percent of the budget at which the project is reported over budget soon. */
    alert_percent: z.number().min(1).max(100).default(80),
  }),
);

export type ProjectBudget = z.infer<typeof projectBudgetSchema>;
