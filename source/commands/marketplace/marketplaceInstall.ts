import { readdir, readFile } from 'node:fs/promises';

import { join } from 'node:path';
import { provenanceRecordSchema } from '../../core/marketplace/installedRelease.js';
import {
  chooseVersion,
  installedTemplatePath,
  installRelease,
  parseReleaseReference,
} from '../../core/marketplace/installRelease.js';
import { loadListings } from '../../core/marketplace/loadListings.js';
import { MarketplaceRefusal } from '../../core/marketplace/MarketplaceRefusal.js';
import { parseRegistryIndex } from '../../core/marketplace/registryIndex.js';
import { registryKeys } from '../../core/marketplace/registryKeys.js';
import { parseTemplate } from '../../core/templates/parseTemplate.js';
import { formatDiagnostic } from '../../core/templates/TemplateDiagnostic.js';
import { CliError, EXIT, usageError } from '../CliError.js';
import type { CommandContext } from '../Command.js';
import type { MarketplaceSetup } from './marketplaceSetup.js';

/** A template that verifies must still be a template cws-tui can use, or it is not installed. */
function checkTemplate(slug: string) {
  return (bytes: Buffer) => {
    const parsed = parseTemplate(bytes, { file: `${slug}.yml`, origin: 'user' });
    if (!parsed.loaded) {
      const first = parsed.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
      throw new MarketplaceRefusal(
        `${slug} is signed but not a valid template${first ? `: ${formatDiagnostic(first)}` : ''}`,
      );
    }
    if (parsed.loaded.slug !== slug) {
      throw new MarketplaceRefusal(`${slug} is signed but its file names the slug '${parsed.loaded.slug}'`);
    }
  };
}

export async function installCommand(
  context: CommandContext,
  setup: MarketplaceSetup,
  reference: string | undefined,
): Promise<number> {
  if (reference === undefined)
    throw usageError('marketplace install needs a slug, e.g. marketplace install r-lab[@1.0.0]');
  const { slug } = parseReleaseReference(reference);
  const { listings, problems } = await loadListings(setup.registries, setup.open, setup.ratings);
  for (const problem of problems) context.stderr(`cws-tui: ${problem}\n`);
  const listing = listings.find(
    (candidate) =>
      candidate.entry.slug === slug &&
      (!context.flags.registry || candidate.registry === context.flags.registry),
  );
  if (!listing) throw new CliError(`no template '${slug}' in the configured registries`);
  const trust = setup.registries.find((registry) => registry.name === listing.registry);
  if (!trust) throw new CliError(`the registry '${listing.registry}' is not configured`);
  const outcome = await installRelease(setup.open(trust), trust, reference, {
    userTemplatesDir: setup.userTemplatesDir,
    now: new Date(),
    check: checkTemplate(slug),
  });
  const { statement } = outcome.release;
  const review = outcome.release.review;
  if (context.flags.json)
    context.stdout(
      `${JSON.stringify({ slug, version: statement.version, registry: trust.name, publisher: outcome.release.publisher.name, review: review ? { decision: review.statement.decision, approver: review.approver.name } : null, path: outcome.path }, null, 2)}\n`,
    );
  else
    context.stdout(
      `Installed ${slug}@${statement.version} from ${trust.name}, signed by ${outcome.release.publisher.name}` +
        `${review ? `, ${review.statement.decision === 'approve' ? 'approved' : 'rejected'} by ${review.approver.name}` : ', awaiting approval'}.\n` +
        `  ${outcome.path}\n`,
    );
  if (review?.statement.decision !== 'approve') {
    context.stderr(
      'cws-tui: this release is not approved; a policy with templates.approved_only refuses to launch it\n',
    );
  }
  return EXIT.ok;
}

/** Lines in one text and not the other, as `- ` and `+ ` lines: enough to see what an update changes. */
function lineChanges(before: string, after: string): string[] {
  const old = before.split('\n');
  const next = after.split('\n');
  return [
    ...old.filter((line) => !next.includes(line)).map((line) => `- ${line}`),
    ...next.filter((line) => !old.includes(line)).map((line) => `+ ${line}`),
  ];
}

/** Updates every installed, unpinned marketplace template to its newest approved release. */
export async function updateCommand(context: CommandContext, setup: MarketplaceSetup): Promise<number> {
  const folder = join(setup.userTemplatesDir, 'marketplace');
  const files = (await readdir(folder).catch(() => [] as string[])).filter((name) =>
    name.endsWith('.provenance.json'),
  );
  let updated = 0;
  for (const file of files) {
    const record = provenanceRecordSchema.safeParse(
      JSON.parse(await readFile(join(folder, file), 'utf8').catch(() => '{}')),
    );
    if (!record.success) {
      context.stderr(`cws-tui: ${file} is damaged; reinstall that template\n`);
      continue;
    }
    const { slug, version, registry, pinned } = record.data;
    if (pinned) {
      context.stdout(`${slug}: pinned at ${version}\n`);
      continue;
    }
    const trust = setup.registries.find((candidate) => candidate.name === registry);
    if (!trust) {
      context.stderr(`cws-tui: ${slug}: the registry '${registry}' is not configured; kept as it is\n`);
      continue;
    }
    try {
      const store = setup.open(trust);
      const entry = parseRegistryIndex(
        await store.get(registryKeys.index),
        trust.location,
      ).index.entries.find((e) => e.slug === slug);
      const newest = entry ? chooseVersion(entry, undefined) : version;
      if (newest === version) {
        context.stdout(`${slug}: ${version} is the newest\n`);
        continue;
      }
      const path = installedTemplatePath(setup.userTemplatesDir, slug);
      const before = await readFile(path, 'utf8').catch(() => '');
      const outcome = await installRelease(store, trust, slug, {
        userTemplatesDir: setup.userTemplatesDir,
        now: new Date(),
        check: checkTemplate(slug),
      });
      context.stdout(
        `${slug}: ${version} -> ${outcome.release.statement.version}: ${outcome.release.statement.changelog}\n`,
      );
      for (const line of lineChanges(before, outcome.template.toString('utf8')))
        context.stdout(`    ${line}\n`);
      updated += 1;
    } catch (error) {
      // An unreachable registry keeps the installed template usable: it is reported, not removed.
      context.stderr(
        `cws-tui: ${slug}: ${error instanceof Error ? error.message : String(error)}; kept ${version}\n`,
      );
    }
  }
  if (files.length === 0) context.stdout('No marketplace template is installed.\n');
  else context.stdout(`${updated} updated.\n`);
  return EXIT.ok;
}
