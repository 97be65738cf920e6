import type { z } from 'zod';
import type { TemplatePath } from './LoadedTemplate.js';
import { WEB_SERVICE_KINDS } from './serviceConfigSchema.js';

/** `users[1].name`, the way a person would point at a field. */
export function formatTemplatePath(path: TemplatePath): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text === '' ? segment : `${text}.${segment}`;
  }, '');
}

export function valueAt(data: unknown, path: TemplatePath): unknown {
  let value = data;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** A short, readable rendering of a YAML value for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

export function schemaIssuePath(issue: z.core.$ZodIssue): (string | number)[] {
  return issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
}

/**
 * A union reports only "no option matched". When the value had the right shape for one option and
 * failed inside it (a bad line in a list of config lines), that inner issue says more; its path is
 * made absolute.
 */
export function mostSpecificIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union') return issue;
  const depth = issue.path.length;
  const inner = issue.errors.find((branch) => branch.some((candidate) => candidate.path.length > 0));
  const first = inner?.find((candidate) => candidate.path.length > 0);
  if (!first) return issue;
  return mostSpecificIssue({ ...first, path: [...issue.path.slice(0, depth), ...first.path] });
}

/** One sentence about a schema issue, naming the field and what was found there. */
export function describeSchemaIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const path = schemaIssuePath(issue);
  const field = formatTemplatePath(path);
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `missing required field '${field}'`;
      return `${field}: expected ${typeNames[issue.expected] ?? issue.expected}, found ${describeValue(value)}`;
    case 'invalid_value':
      return `${field}: ${describeValue(value)} is not one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      if (path.at(-1) === 'kind' && value !== undefined) {
        // The only discriminated union in the format is service_config.
        return `${field}: ${describeValue(value)} is not one of ${WEB_SERVICE_KINDS.join(', ')}`;
      }
      if (value === undefined) return `missing required field '${field}'`;
      return `${field}: ${describeValue(value)} has the wrong type`;
    case 'too_big':
    case 'too_small':
    case 'invalid_format':
    case 'custom':
      return `${field}: ${issue.message} (found ${describeValue(value)})`;
    default:
      return `${field}: ${issue.message}`;
  }
}
