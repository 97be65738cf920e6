import { z } from 'zod';
import type { TemplatePath } from './LoadedTemplate.js';

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The option of a union that describes `value`: the one whose literal fields all match. */
function pickOption(schema: z.ZodUnion, value: unknown): z.ZodType | undefined {
  const options = schema.options as readonly z.ZodType[];
  return options.find((option) => {
    if (!(option instanceof z.ZodObject) || !isRecord(value)) return false;
    return Object.entries(option.shape as Record<string, z.ZodType>).every(
      ([key, field]) =>
        !(field instanceof z.ZodLiteral) || field.values.has(value[key] as z.core.util.Literal),
    );
  });
}

/** The keys the schema allows in the object at `path` of `data` (for "closest known key" hints). */
export function knownKeysAt(schema: z.ZodType, path: TemplatePath, data: unknown): string[] {
  let current: z.ZodType | undefined = schema;
  let value = data;
  const step = (segment: string | number | undefined): void => {
    current = current === undefined ? undefined : unwrap(current);
    if (current instanceof z.ZodUnion) current = pickOption(current, value);
    if (segment === undefined || current === undefined) return;
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[segment];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else current = undefined;
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  };
  for (const segment of path) step(segment);
  step(undefined);
  const resolved = current as z.ZodType | undefined;
  return resolved instanceof z.ZodObject ? Object.keys(resolved.shape) : [];
}
