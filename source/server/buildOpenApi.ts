import { z } from 'zod';
import { apiErrorJsonSchema } from './ApiError.js';
import type { ApiRoute } from './ApiRoute.js';

type JsonSchema = Record<string, unknown>;

/** `/v1/workstations/:name` -> `/v1/workstations/{name}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z_]+)/g, '{$1}');
}

const ERRORS: Record<string, string> = {
  '400': 'malformed JSON, an unknown field, a wrong type, or the CLI usage error',
  '401': 'no bearer token, a wrong one, or one that was rotated (TCP listeners only)',
  '403': 'denied by the policy or a lab rule (the CLI exits 3)',
  '404': 'no such route, or no workstation, template, user... of that name',
  '413': 'the body is larger than the limit',
  '415': 'the body is not JSON',
  '422': 'the command could not do it (the CLI exits 1): its message',
  '429': 'too many changes from this caller: wait and retry',
  '500': 'a bug: its message only, never a stack',
  '502': 'AWS failed or refused',
  '504': 'the request took longer than its timeout',
};

/**
 * The OpenAPI 3.1 document of the routes, generated from the same zod schemas that type the CLI's
 * `--json` output: named shapes (`.meta({ id })`) land in `components.schemas` and are referenced.
 */
export function buildOpenApi(routes: readonly ApiRoute[], version: string): JsonSchema {
  // Every shape is named (`.meta({ id })`) where it is defined; the document references it by name.
  const generated = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  }).schemas;
  const components: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(generated)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
    components[id] = rest;
  }
  const ref = (schema: z.ZodType, what: string): JsonSchema => {
    const id = z.globalRegistry.get(schema)?.id;
    if (!id) throw new Error(`${what} has no .meta({ id }): name it where it is defined`);
    return { $ref: `#/components/schemas/${id}` };
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters = [
      ...Object.keys(route.params?.shape ?? {}).map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: { type: 'string', ...enumOf(schema as z.ZodType) },
      })),
    ];
    const ok = String(route.status ?? 200);
    const content = route.stream
      ? { 'text/event-stream': { schema: ref(route.response, `${route.url}'s events`) } }
      : { 'application/json': { schema: ref(route.response, `${route.url}'s response`) } };
    const errorResponses = Object.fromEntries(
      Object.entries(ERRORS).map(([status, description]) => [
        status,
        { description, content: { 'application/json': { schema: ref(apiErrorJsonSchema, 'the error') } } },
      ]),
    );
    paths[openApiPath(route.url)] ??= {};
    const operations = paths[openApiPath(route.url)] as Record<string, unknown>;
    operations[route.method.toLowerCase()] = {
      operationId: operationId(route),
      summary: route.summary,
      tags: [route.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: ref(route.body, `${route.url}'s body`) } },
            },
          }
        : {}),
      responses: { [ok]: { description: route.summary, content }, ...errorResponses },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'cws-tui service API',
      version,
      description:
        'The core of cws-tui over HTTP: every endpoint runs what the matching CLI command runs and answers with its --json shape.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    // The Unix socket needs no token (it is 0600); a TCP listener needs the bearer token.
    security: [{}, { bearer: [] }],
    paths,
  };
}

function enumOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema;
  return Array.isArray(json.enum) ? { enum: json.enum } : {};
}

function operationId(route: ApiRoute): string {
  const words = route.url
    .replace(/^\/v1\//, '')
    .split('/')
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part));
  return [route.method.toLowerCase(), ...words]
    .join('-')
    .replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
