import { z } from 'zod';

/** One entry of `templates list --json`. */
export const templateListEntryJsonSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string().optional(),
    base: z.string().nullable(),
    service_kind: z.string().nullable(),
    connection_type: z.string().nullable(),
    sizes: z.unknown(),
    inheritance_chain: z.array(z.string()),
    source: z.string(),
    origin: z.string(),
  })
  .loose()
  .meta({ id: 'TemplateListEntry' });

export const templateListJsonSchema = z.array(templateListEntryJsonSchema).meta({ id: 'TemplateList' });

/** `templates show <slug> --json`: the resolved template (inheritance applied) and where it came from. */
export const resolvedTemplateJsonSchema = z
  .object({ slug: z.string(), name: z.string(), inheritance_chain: z.array(z.string()), origin: z.string() })
  .loose()
  .meta({ id: 'ResolvedTemplate' });

/** `templates validate --json`: the search path's files checked, with every diagnostic. */
export const templateValidationJsonSchema = z
  .object({
    ok: z.boolean(),
    files: z.number(),
    errors: z.number(),
    warnings: z.number(),
    diagnostics: z.array(z.object({ severity: z.string(), message: z.string() }).loose()),
  })
  .meta({ id: 'TemplateValidation' });
