import type { Schema } from 'conf';
import { z } from 'zod';
import { type Profile, profileSchema } from './profileSchema.js';

/** The content of config.json (besides conf's own `__internal__` bookkeeping). */
export interface ConfigData {
  current_profile?: string;
  profiles?: Record<string, Profile>;
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  return rest;
}

let built: Schema<ConfigData> | undefined;

/**
 * conf's JSON schema for config.json, derived from the zod schemas so the two never drift. Built
 * when conf opens the file, not at import: a config file conf already accepted is read without it.
 */
export function configJsonSchema(): Schema<ConfigData> {
  built ??= {
    current_profile: { type: 'string' },
    profiles: jsonSchemaOf(z.record(z.string(), profileSchema)),
  } as Schema<ConfigData>;
  return built;
}
