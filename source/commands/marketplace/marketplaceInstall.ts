import { installRelease, parseReleaseReference } from '../../core/marketplace/installRelease.js';
import { loadListings } from '../../core/marketplace/loadListings.js';
import { MarketplaceRefusal } from '../../core/marketplace/MarketplaceRefusal.js';
import { parseTemplate } from '../../core/templates/parseTemplate.js';
import { formatDiagnostic } from '../../core/templates/TemplateDiagnostic.js';
import { CliError, EXIT, usageError } from '../CliError.js';
import type { CommandContext } from '../Command.js';
import type { MarketplaceSetup } from './marketplaceSetup.js';

/** A template that verifies must still be a template cws-tui can use, or it is not installed. */
export function checkTemplate(slug: string) {
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
