import { readFile } from 'node:fs/promises';
import { parseReleaseReference } from '../../core/marketplace/installRelease.js';
import { publishRelease } from '../../core/marketplace/publishRelease.js';
import { ratingProblem } from '../../core/marketplace/ratings.js';
import { parseRegistryIndex } from '../../core/marketplace/registryIndex.js';
import { registryKeys } from '../../core/marketplace/registryKeys.js';
import { approverRefusal, reviewRelease } from '../../core/marketplace/reviewRelease.js';
import { scanTemplateText } from '../../core/marketplace/scan/scanTemplateText.js';
import { parseTemplate } from '../../core/templates/parseTemplate.js';
import { formatDiagnostic } from '../../core/templates/TemplateDiagnostic.js';
import { CliError, EXIT, usageError } from '../CliError.js';
import type { CommandContext } from '../Command.js';
import {
  chooseRegistry,
  type MarketplaceSetup,
  policyApproversOf,
  researchUserOf,
  signingKeyFor,
} from './marketplaceSetup.js';

function overrideReason(context: CommandContext): string | undefined {
  if (!context.flags.override) return undefined;
  if (!context.flags.reason)
    throw usageError('--override needs --reason saying why the findings are acceptable');
  return context.flags.reason;
}

export async function publishCommand(
  context: CommandContext,
  setup: MarketplaceSetup,
  rest: string[],
): Promise<number> {
  const [file, ...extra] = rest;
  if (file === undefined || extra.length > 0) {
    throw usageError(
      'marketplace publish takes one template file: marketplace publish r-lab.yml --version 1.0.0 --changelog "..."',
    );
  }
  const version = context.flags.version;
  if (!version) throw usageError('marketplace publish needs --version X.Y.Z');
  if (context.flags.changelog === undefined)
    throw usageError('marketplace publish needs --changelog "what changed"');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  const parsed = parseTemplate(bytes, { file, origin: 'path' });
  if (!parsed.loaded) {
    for (const diagnostic of parsed.diagnostics) context.stderr(`${formatDiagnostic(diagnostic)}\n`);
    throw new CliError(`${file} is not a valid template; nothing was published`);
  }
  const { template, slug } = parsed.loaded;
  const scan = scanTemplateText(bytes.toString('utf8'));
  for (const finding of scan.findings) {
    context.stderr(
      `${file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.rule}: ${finding.message} (fix: ${finding.fix})\n`,
    );
  }
  const trust = chooseRegistry(setup, context.flags.registry);
  const key = await signingKeyFor(context, setup.stateDir);
  const override = overrideReason(context);
  const statement = await publishRelease(setup.open(trust), {
    template: bytes,
    listing: {
      slug,
      name: template.name,
      description: template.description ?? '',
      ...(template.category ? { category: template.category } : {}),
      tags: [template.domain, template.category].filter((tag): tag is string => typeof tag === 'string'),
      ...(template.compliance ? { compliance: template.compliance } : {}),
    },
    version,
    changelog: context.flags.changelog,
    publisherName: researchUserOf(context),
    key,
    scan,
    ...(override ? { scanOverride: override } : {}),
    now: new Date(),
  });
  context.stdout(
    context.flags.json
      ? `${JSON.stringify({ slug, version: statement.version, registry: trust.name, status: 'submitted', key_fingerprint: key.fingerprint }, null, 2)}\n`
      : `Published ${slug}@${statement.version} to ${trust.name}, signed with ${key.fingerprint}; it awaits an approver.\n`,
  );
  if (!trust.publishers.some((publisher) => publisher.key === key.publicKey)) {
    context.stderr(
      `cws-tui: your key is not a trusted publisher of ${trust.name} yet: registry trust ${trust.name} --publisher-key "NAME=${key.publicKey}"\n`,
    );
  }
  return EXIT.ok;
}

export async function reviewCommand(
  context: CommandContext,
  setup: MarketplaceSetup,
  rest: string[],
): Promise<number> {
  const [reference, decision, ...extra] = rest;
  if (reference === undefined || (decision !== 'approve' && decision !== 'reject') || extra.length > 0) {
    throw usageError('marketplace review <slug>@<version> approve|reject --reason R [--override]');
  }
  const { slug, version } = parseReleaseReference(reference);
  if (version === undefined) throw usageError('name the version you review: <slug>@<version>');
  if (!context.flags.reason) throw usageError('a review needs --reason R');
  const trust = chooseRegistry(setup, context.flags.registry);
  const key = await signingKeyFor(context, setup.stateDir);
  const override = overrideReason(context);
  const policyApprovers = await policyApproversOf(context);
  const approver = trust.approvers.find((candidate) => candidate.key === key.publicKey);
  const statement = await reviewRelease(setup.open(trust), trust, {
    slug,
    version,
    decision,
    reason: context.flags.reason,
    reviewerName: approver?.name ?? researchUserOf(context),
    key,
    ...(override ? { scanOverride: override } : {}),
    ...(policyApprovers ? { policyApprovers } : {}),
    now: new Date(),
  });
  if (context.flags.json)
    context.stdout(
      `${JSON.stringify({ slug, version, registry: trust.name, decision: statement.decision, reason: statement.reason }, null, 2)}\n`,
    );
  else
    context.stdout(
      `${statement.decision === 'approve' ? 'Approved' : 'Rejected'} ${slug}@${version} in ${trust.name}: ${statement.reason}\n`,
    );
  return EXIT.ok;
}

/** The submissions of every registry where this key is an approver. */
export async function queueCommand(context: CommandContext, setup: MarketplaceSetup): Promise<number> {
  const key = await signingKeyFor(context, setup.stateDir);
  const policyApprovers = await policyApproversOf(context);
  const pending: { registry: string; slug: string; version: string; publisher: string; high: number }[] = [];
  for (const trust of setup.registries.filter(
    (registry) => approverRefusal(registry, key, policyApprovers) === undefined,
  )) {
    const { index } = parseRegistryIndex(await setup.open(trust).get(registryKeys.index), trust.location);
    for (const entry of index.entries) {
      for (const release of entry.releases.filter((r) => r.status === 'submitted')) {
        pending.push({
          registry: trust.name,
          slug: entry.slug,
          version: release.version,
          publisher: entry.publisher_name,
          high: release.scan.high,
        });
      }
    }
  }
  if (context.flags.json) context.stdout(`${JSON.stringify(pending, null, 2)}\n`);
  else if (pending.length === 0) context.stdout('Nothing awaits your review.\n');
  else
    for (const item of pending)
      context.stdout(
        `${item.registry}: ${item.slug}@${item.version} by ${item.publisher}${item.high ? ` (${item.high} high scan findings)` : ''}\n`,
      );
  return EXIT.ok;
}

export async function rateCommand(
  context: CommandContext,
  setup: MarketplaceSetup,
  rest: string[],
): Promise<number> {
  const [reference, ...extra] = rest;
  if (reference === undefined || extra.length > 0)
    throw usageError('marketplace rate <slug>@<version> --stars 1-5 [--text "..."]');
  const { slug, version } = parseReleaseReference(reference);
  if (version === undefined) throw usageError('name the version you rate: <slug>@<version>');
  const text = context.flags.text ?? '';
  const problem = ratingProblem(context.flags.stars, text);
  if (problem) throw usageError(problem);
  const trust = chooseRegistry(setup, context.flags.registry);
  const store = setup.open(trust);
  const entry = parseRegistryIndex(await store.get(registryKeys.index), trust.location).index.entries.find(
    (e) => e.slug === slug,
  );
  if (!entry?.releases.some((release) => release.version === version))
    throw new CliError(`${slug}@${version} is not in ${trust.name}`);
  const user = researchUserOf(context);
  await setup.ratings(trust, store).rate({
    slug,
    version,
    user,
    stars: context.flags.stars ?? 0,
    text,
    rated_at: new Date().toISOString(),
  });
  if (context.flags.json)
    context.stdout(
      `${JSON.stringify({ slug, version, registry: trust.name, user, stars: context.flags.stars ?? 0, text }, null, 2)}\n`,
    );
  else context.stdout(`Rated ${slug}@${version} ${context.flags.stars}/5 as ${user}.\n`);
  return EXIT.ok;
}

export async function keyCommand(context: CommandContext, setup: MarketplaceSetup): Promise<number> {
  const key = await signingKeyFor(context, setup.stateDir);
  if (context.flags.json) {
    context.stdout(
      `${JSON.stringify({ public_key: key.publicKey, fingerprint: key.fingerprint }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  context.stdout(
    `${key.fingerprint}\n${key.publicKey}\n\nGive this public key to a registry: registry trust <name> --publisher-key "YOUR NAME=${key.publicKey}"\n`,
  );
  return EXIT.ok;
}
