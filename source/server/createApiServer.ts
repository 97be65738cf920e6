import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { logCommandFailure } from '../commands/logCommandFailure.js';
import { appendAuditEvent } from '../core/audit/appendAuditEvent.js';
import type { ApiCaller } from './ApiCaller.js';
import { callerKey } from './ApiCaller.js';
import { ApiError } from './ApiError.js';
import type { ApiContext, ApiRoute } from './ApiRoute.js';
import { fastifyErrorToApiError } from './fastifyErrorToApiError.js';
import { zodIssuesMessage } from './zodIssuesMessage.js';

export interface ApiServerOptions {
  routes: readonly ApiRoute[];
  context: ApiContext;
  /** Who is calling: the socket's owner, or the bearer token's id (throws an ApiError 401 otherwise). */
  authenticate(request: FastifyRequest): Promise<ApiCaller>;
  /** Where the audit log is. */
  stateDir: string;
  env: NodeJS.ProcessEnv;
  https?: { cert: Buffer; key: Buffer };
  corsOrigin?: string;
  bodyLimitBytes?: number;
  mutationsPerMinute?: number;
  /** How long a read may take before it answers 504. */
  readTimeoutMs?: number;
}

export interface ApiServer {
  app: FastifyInstance;
  /** Resolves once every mutation in flight (a launch writing its record, say) has finished. */
  settled(): Promise<void>;
}

const DEFAULT_BODY_LIMIT = 64 * 1024;

function parse<S extends z.ZodType>(
  schema: S | undefined,
  value: unknown,
  part: 'body' | 'query' | 'path',
): unknown {
  if (!schema) {
    const empty =
      value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
    if (!empty)
      throw new ApiError(
        400,
        'invalid_request',
        `this route takes no ${part === 'path' ? 'path parameters' : part}`,
      );
    return {};
  }
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw new ApiError(400, 'invalid_request', zodIssuesMessage(parsed.error, part));
  return parsed.data;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ApiError(
            504,
            'timeout',
            `the request took longer than ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`}`,
          ),
        ),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The service API as a Fastify app: each route of the table with its schemas checked, mutations
 * rate-limited per caller and audited with the caller, every failure as `{error: {code, message,
 * hint}}` (never a stack), unknown routes 404, and CORS only for the one origin named.
 */
export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const base = {
    logger: false,
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    // Receiving a request (not answering it) must not take longer: a slow client is cut off.
    requestTimeout: 30_000,
    return503OnClosing: true,
  };
  const app = (options.https ? Fastify({ ...base, https: options.https }) : Fastify(base)) as FastifyInstance;
  const callers = new WeakMap<FastifyRequest, ApiCaller>();
  const inFlight = new Set<Promise<unknown>>();

  app.addHook('onRequest', async (request) => {
    // A browser's preflight carries no credentials; the CORS plugin answers it for the one origin.
    if (request.method === 'OPTIONS' && options.corsOrigin) return;
    callers.set(request, await options.authenticate(request));
  });
  if (options.corsOrigin) {
    await app.register(cors, {
      origin: options.corsOrigin,
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'last-event-id'],
    });
  }
  await app.register(rateLimit, {
    global: false,
    // After the caller is known: the limit counts per socket owner or per token.
    hook: 'preHandler',
    keyGenerator: (request) => {
      const caller = callers.get(request);
      return caller ? callerKey(caller) : 'unknown';
    },
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        'rate_limited',
        `too many changes from this caller: at most ${context.max} a minute`,
        `retry in ${context.after}`,
      ),
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const api = error instanceof ApiError ? error : fastifyErrorToApiError(error);
    if (api.status >= 500 && api.code === 'internal')
      await logCommandFailure(options.env, `serve ${request.url}`, error, 1);
    return reply.code(api.status).send(api.toJson());
  });
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0];
    const error = new ApiError(
      404,
      'unknown_route',
      `no route ${request.method} ${path}`,
      'GET /v1/openapi.json lists every route',
    );
    return reply.code(404).send(error.toJson());
  });

  for (const route of options.routes) {
    const timeoutMs = route.timeoutMs ?? options.readTimeoutMs ?? 60_000;
    app.route({
      method: route.method,
      url: route.url,
      ...(route.mutation
        ? { config: { rateLimit: { max: options.mutationsPerMinute ?? 30, timeWindow: 60_000 } } }
        : {}),
      handler: async (request, reply) => {
        const caller = callers.get(request);
        if (!caller) throw new ApiError(401, 'token_required', 'the caller is not known');
        const input = {
          params: parse(route.params, request.params, 'path'),
          query: parse(route.query, request.query, 'query'),
          body: parse(route.body, request.body, 'body'),
          caller,
        } as Parameters<NonNullable<ApiRoute['handle']>>[0];
        if (route.stream) {
          for (const [name, value] of Object.entries(reply.getHeaders())) {
            if (value !== undefined) reply.raw.setHeader(name, value);
          }
          reply.hijack();
          const lastEventId = request.headers['last-event-id'];
          route.stream(options.context, reply.raw, Array.isArray(lastEventId) ? lastEventId[0] : lastEventId);
          return reply;
        }
        if (!route.handle)
          throw new ApiError(500, 'internal', `unexpected error: ${route.url} has no handler`);
        const audit = (outcome: Record<string, unknown>) =>
          appendAuditEvent(options.stateDir, {
            action: 'api-request',
            method: route.method,
            route: route.url,
            params: input.params,
            caller,
            ...outcome,
          });
        if (route.mutation) {
          // Governance fails closed: a change whose request cannot be audited is not made.
          await audit({ outcome: 'received' }).catch((error: unknown) => {
            throw new ApiError(
              500,
              'audit_unavailable',
              `the audit log cannot be written: ${(error as Error).message}`,
            );
          });
        }
        const work = route.handle(input, options.context);
        if (route.mutation) {
          inFlight.add(work);
          void work.then(
            () => inFlight.delete(work),
            () => inFlight.delete(work),
          );
        }
        try {
          const result = await withTimeout(work, timeoutMs);
          if (route.mutation)
            await audit({ outcome: 'done', status: route.status ?? 200 }).catch(() => undefined);
          return reply.code(route.status ?? 200).send(result);
        } catch (error) {
          if (route.mutation) {
            const status = error instanceof ApiError ? error.status : 500;
            await audit({ outcome: 'failed', status }).catch(() => undefined);
          }
          throw error;
        }
      },
    });
  }

  return {
    app,
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
