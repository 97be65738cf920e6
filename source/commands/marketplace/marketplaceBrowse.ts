import { publicKeyFingerprint } from '../../core/identity/signingKey.js';
import { newestFirst } from '../../core/marketplace/compareVersions.js';
import { parseReleaseReference } from '../../core/marketplace/installRelease.js';
import { loadListings } from '../../core/marketplace/loadListings.js';
import {
  MARKETPLACE_SORTS,
  type MarketplaceQuery,
  searchMarketplace,
} from '../../core/marketplace/searchMarketplace.js';
import { CliError, EXIT, usageError } from '../CliError.js';
import type { CommandContext } from '../Command.js';
import { renderTextTable } from '../output/renderTextTable.js';
import type { MarketplaceSetup } from './marketplaceSetup.js';

function stars(average: number, count: number): string {
  return count === 0 ? '-' : `${average.toFixed(1)}★ (${count})`;
}

function queryOf(context: CommandContext, words: string[]): MarketplaceQuery {
  const sort = context.flags.sort;
  if (sort !== undefined && !(MARKETPLACE_SORTS as readonly string[]).includes(sort)) {
    throw usageError(`--sort is one of ${MARKETPLACE_SORTS.join(', ')}`);
  }
  return {
    words,
    ...(context.flags.category ? { category: context.flags.category } : {}),
    ...(context.flags.compliance ? { compliance: context.flags.compliance } : {}),
    ...(context.flags.tag[0] ? { tag: context.flags.tag[0] } : {}),
    ...(sort ? { sort: sort as MarketplaceQuery['sort'] } : {}),
  };
}

export async function searchCommand(
  context: CommandContext,
  setup: MarketplaceSetup,
  words: string[],
): Promise<number> {
  const { listings, problems } = await loadListings(setup.registries, setup.open, setup.ratings);
  for (const problem of problems) context.stderr(`cws-tui: ${problem}\n`);
  const found = searchMarketplace(listings, queryOf(context, words));
  if (context.flags.json) {
    context.stdout(`${JSON.stringify(found, null, 2)}\n`);
    return EXIT.ok;
  }
  if (found.length === 0) {
    context.stdout(
      setup.registries.length === 0
        ? 'No registry is configured (cws-tui registry add).\n'
        : 'No template matches.\n',
    );
    return EXIT.ok;
  }
  context.stdout(
    renderTextTable(found, [
      { header: 'SLUG', value: (l) => l.entry.slug },
      { header: 'NAME', value: (l) => l.entry.name },
      {
        header: 'LATEST',
        value: (l) =>
          [...l.entry.releases].sort((a, b) => newestFirst(a.version, b.version))[0]?.version ?? '-',
      },
      {
        header: 'STATUS',
        value: (l) =>
          [...l.entry.releases].sort((a, b) => newestFirst(a.version, b.version))[0]?.status ?? '-',
      },
      { header: 'RATING', value: (l) => stars(l.rating.average, l.rating.count) },
      { header: 'DOWNLOADS', value: (l) => String(l.downloads) },
      { header: 'PUBLISHER', value: (l) => l.entry.publisher_name },
      { header: 'REGISTRY', value: (l) => l.registry },
    ]),
  );
  return EXIT.ok;
}

export async function showCommand(
  context: CommandContext,
  setup: MarketplaceSetup,
  reference: string | undefined,
): Promise<number> {
  if (reference === undefined)
    throw usageError('marketplace show needs a slug, e.g. marketplace show r-lab@1.0.0');
  const { slug, version } = parseReleaseReference(reference);
  const { listings, problems } = await loadListings(setup.registries, setup.open, setup.ratings);
  for (const problem of problems) context.stderr(`cws-tui: ${problem}\n`);
  const listing = listings.find((candidate) => candidate.entry.slug === slug);
  if (!listing) throw new CliError(`no template '${slug}' in the configured registries`);
  const trust = setup.registries.find((registry) => registry.name === listing.registry);
  const ratings = trust ? await setup.ratings(trust, setup.open(trust)).ratingsOf(slug) : [];
  const releases = [...listing.entry.releases]
    .sort((a, b) => newestFirst(a.version, b.version))
    .filter((release) => version === undefined || release.version === version);
  if (context.flags.json) {
    context.stdout(`${JSON.stringify({ ...listing, releases, reviews: ratings }, null, 2)}\n`);
    return EXIT.ok;
  }
  const { entry } = listing;
  const lines = [
    `${entry.name} (${entry.slug}) from ${listing.registry}`,
    entry.description,
    `publisher: ${entry.publisher_name}   category: ${entry.category ?? '-'}   rating: ${stars(listing.rating.average, listing.rating.count)}   downloads: ${listing.downloads}`,
    `compliance: ${entry.compliance ? JSON.stringify(entry.compliance) : 'none declared'}`,
    '',
    'Versions:',
    ...releases.flatMap((release) => {
      const key = trust?.publishers.find((candidate) => candidate.key === release.publisher_key);
      const signer = key
        ? `signed by ${key.name}`
        : `signed by an UNTRUSTED key ${publicKeyFingerprint(release.publisher_key)}`;
      const scan = `scan: ${release.scan.high} high, ${release.scan.medium} medium, ${release.scan.low} low`;
      return [
        `  ${release.version}  ${release.status}  ${release.published_at.slice(0, 10)}  ${signer}  ${scan}`,
        `      ${release.changelog}`,
      ];
    }),
    '',
    `Reviews (${ratings.length}):`,
    ...ratings.map(
      (rating) =>
        `  ${'★'.repeat(rating.stars)}${'☆'.repeat(5 - rating.stars)} ${rating.user} on ${rating.version}: ${rating.text}`,
    ),
  ];
  context.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
