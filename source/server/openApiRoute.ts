import { z } from 'zod';
import { type ApiRoute, defineRoute } from './ApiRoute.js';

export const openApiDocumentSchema = z
  .object({
    openapi: z.string(),
    info: z.record(z.string(), z.unknown()),
    paths: z.record(z.string(), z.unknown()),
  })
  .loose()
  .meta({ id: 'OpenApiDocument' });

/** `GET /v1/openapi.json`: the document of every route, made from the routes' own schemas. */
export function openApiRoute(document: () => Record<string, unknown>): ApiRoute {
  let built: Record<string, unknown> | undefined;
  return defineRoute({
    method: 'GET',
    url: '/v1/openapi.json',
    summary: 'this OpenAPI 3.1 document',
    tag: 'meta',
    response: openApiDocumentSchema,
    handle: async () => {
      built ??= document();
      return built;
    },
  });
}
