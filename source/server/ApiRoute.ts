import type { ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Session } from '../app/session/Session.js';
import type { ApiCaller } from './ApiCaller.js';
import type { EventHub } from './EventHub.js';
import type { CommandRunner } from './runCommandForRoute.js';

/** What a route may use: the commands (run in the server's one session), the session, the events. */
export interface ApiContext {
  commands: CommandRunner;
  session(): Session;
  /** Opens the session on another profile (as the TUI's profile switcher does). */
  switchProfile(profile: string): Promise<void>;
  events: EventHub;
}

type Parsed<S> = S extends z.ZodType ? z.infer<S> : Record<string, never>;

export interface ApiInput<P, Q, B> {
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  caller: ApiCaller;
}

/**
 * One endpoint: its request and response schemas (zod, shared with the CLI's `--json` output and
 * turned into the OpenAPI document) and a thin handler that calls what the matching command calls.
 */
export interface ApiRoute<
  P extends z.ZodObject | undefined = z.ZodObject | undefined,
  Q extends z.ZodObject | undefined = z.ZodObject | undefined,
  B extends z.ZodObject | undefined = z.ZodObject | undefined,
> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify's form: `/v1/workstations/:name`. */
  url: string;
  summary: string;
  /** The OpenAPI tag: the capability the route belongs to. */
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  status?: 200 | 201;
  response: z.ZodType;
  /** Changes something: rate-limited per caller and written to the audit log with the caller. */
  mutation?: boolean;
  /** How long the handler may take (a launch waits for the instance). Default 60 s. */
  timeoutMs?: number;
  handle?: (input: ApiInput<P, Q, B>, context: ApiContext) => Promise<unknown>;
  /** A Server-Sent Events stream instead of one JSON answer. */
  stream?: (context: ApiContext, response: ServerResponse, lastEventId: string | undefined) => void;
}

/** Keeps the schemas' types flowing into the handler. */
export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodObject | undefined = undefined,
>(route: ApiRoute<P, Q, B>): ApiRoute {
  return route as unknown as ApiRoute;
}
