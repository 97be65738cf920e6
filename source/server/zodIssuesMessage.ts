import type { z } from 'zod';

function where(path: readonly PropertyKey[], part: string): string {
  return path.length === 0 ? part : `${part} field '${path.map(String).join('.')}'`;
}

/**
 * One sentence for what is wrong with a request's body, query or path: unknown fields by name,
 * wrong types with the type expected, the way the CLI names a bad flag.
 */
export function zodIssuesMessage(error: z.ZodError, part: 'body' | 'query' | 'path'): string {
  return error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((key) => `'${key}'`).join(', ');
        return `${where(issue.path, part)}: unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
      }
      if (issue.code === 'invalid_type') {
        // zod says "Invalid input: expected string, received number": the second half is the news.
        return `${where(issue.path, part)}: ${issue.message.replace(/^Invalid input: /, '')}`;
      }
      return `${where(issue.path, part)}: ${issue.message}`;
    })
    .join('; ');
}
