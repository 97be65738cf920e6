import { z } from 'zod';
import {
  marketplaceInstalledJsonSchema,
  marketplacePublishedJsonSchema,
  marketplaceQueueJsonSchema,
  marketplaceRatedJsonSchema,
  marketplaceReviewedJsonSchema,
  marketplaceSearchJsonSchema,
  marketplaceShowJsonSchema,
} from '../../commands/json/marketplaceJsonSchema.js';
import { runMarketplaceCommand } from '../../commands/marketplaceCommand.js';
import { type ApiRoute, defineRoute } from '../ApiRoute.js';
import { withUploadedFile } from './uploadedFile.js';

const slug = z.strictObject({ slug: z.string().min(1) });
const release = z.strictObject({ slug: z.string().min(1), version: z.string().min(1) });

/** The template travels as text; `publish` reads it from a file as on the command line. */
const publishBody = z
  .strictObject({
    template: z.string().min(1),
    file_name: z.string().min(1).default('template.yml'),
    version: z.string().min(1),
    changelog: z.string(),
    registry: z.string().optional(),
    /** An admin's override of high scan findings, with the reason audited (`--override --reason`). */
    override: z.boolean().default(false),
    reason: z.string().optional(),
  })
  .meta({ id: 'MarketplacePublishRequest' });

/** Signed templates from the lab's registries (`cws-tui marketplace`). */
export const marketplaceRoutes: ApiRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/v1/marketplace',
    summary:
      "scan, sign with the server's key and submit a template release for review (as `cws-tui marketplace publish <file> --version X --changelog C --json`)",
    tag: 'marketplace',
    body: publishBody,
    status: 201,
    response: marketplacePublishedJsonSchema,
    mutation: true,
    handle: ({ body }, { commands }) =>
      withUploadedFile(body.file_name, body.template, (path) =>
        commands.run({
          command: runMarketplaceCommand,
          args: ['publish', path],
          flags: {
            version: body.version,
            changelog: body.changelog,
            registry: body.registry,
            override: body.override,
            reason: body.reason,
          },
        }),
      ),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/review-queue',
    summary:
      "the submitted releases awaiting review in every registry where the server's key is an approver (as `cws-tui marketplace queue --json`)",
    tag: 'marketplace',
    response: marketplaceQueueJsonSchema,
    handle: (_input, { commands }) => commands.run({ command: runMarketplaceCommand, args: ['queue'] }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/marketplace',
    summary: 'search the registries (as `cws-tui marketplace search [WORDS] --json`)',
    tag: 'marketplace',
    query: z.strictObject({
      q: z.string().optional(),
      category: z.string().optional(),
      tag: z.string().optional(),
      compliance: z.string().optional(),
      sort: z.enum(['rating', 'downloads', 'updated', 'name']).optional(),
    }),
    response: marketplaceSearchJsonSchema,
    handle: ({ query }, { commands }) =>
      commands.run({
        command: runMarketplaceCommand,
        args: ['search', ...(query.q ? query.q.split(/\s+/).filter(Boolean) : [])],
        flags: {
          category: query.category,
          compliance: query.compliance,
          sort: query.sort,
          tag: query.tag ? [query.tag] : undefined,
        },
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/marketplace/:slug',
    summary:
      'a template with its releases and reviews (as `cws-tui marketplace show <slug>[@version] --json`)',
    tag: 'marketplace',
    params: slug,
    query: z.strictObject({ version: z.string().optional() }),
    response: marketplaceShowJsonSchema,
    handle: ({ params, query }, { commands }) =>
      commands.run({
        command: runMarketplaceCommand,
        args: ['show', query.version ? `${params.slug}@${query.version}` : params.slug],
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/marketplace/:slug/install',
    summary:
      'verify and install a release, pinned when a version is given (as `cws-tui marketplace install <slug>[@version] --json`)',
    tag: 'marketplace',
    params: slug,
    body: z
      .strictObject({ version: z.string().optional(), registry: z.string().optional() })
      .meta({ id: 'MarketplaceInstallRequest' }),
    status: 201,
    response: marketplaceInstalledJsonSchema,
    mutation: true,
    handle: ({ params, body }, { commands }) =>
      commands.run({
        command: runMarketplaceCommand,
        args: ['install', body.version ? `${params.slug}@${body.version}` : params.slug],
        flags: { registry: body.registry },
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/marketplace/:slug/:version/rating',
    summary: 'rate a release 1-5 with a comment (as `cws-tui marketplace rate <slug>@<version> --json`)',
    tag: 'marketplace',
    params: release,
    body: z
      .strictObject({
        stars: z.number().int().min(1).max(5),
        text: z.string().default(''),
        registry: z.string().optional(),
      })
      .meta({ id: 'MarketplaceRating' }),
    response: marketplaceRatedJsonSchema,
    mutation: true,
    handle: ({ params, body }, { commands }) =>
      commands.run({
        command: runMarketplaceCommand,
        args: ['rate', `${params.slug}@${params.version}`],
        flags: { stars: body.stars, text: body.text, registry: body.registry },
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/marketplace/:slug/:version/review',
    summary:
      "approve or reject a submitted release with the server's signing key (as `cws-tui marketplace review <slug>@<version> approve|reject --json`)",
    tag: 'marketplace',
    params: release,
    body: z
      .strictObject({
        decision: z.enum(['approve', 'reject']),
        reason: z.string().min(1),
        registry: z.string().optional(),
      })
      .meta({ id: 'MarketplaceReview' }),
    response: marketplaceReviewedJsonSchema,
    mutation: true,
    handle: ({ params, body }, { commands }) =>
      commands.run({
        command: runMarketplaceCommand,
        args: ['review', `${params.slug}@${params.version}`, body.decision],
        flags: { reason: body.reason, registry: body.registry },
      }),
  }),
];
