import { newestFirst } from '../../core/marketplace/compareVersions.js';
import type { MarketplaceListing } from '../../core/marketplace/searchMarketplace.js';

export function newestRelease(listing: MarketplaceListing) {
  return [...listing.entry.releases].sort((a, b) => newestFirst(a.version, b.version))[0];
}

export function ratingLabel(listing: MarketplaceListing): string {
  return listing.rating.count === 0 ? '-' : `${listing.rating.average.toFixed(1)}★ (${listing.rating.count})`;
}

/** The lines under the table for the chosen template: versions with changelog, compliance, scan. */
export function marketplaceDetails(listing: MarketplaceListing): string[] {
  const { entry } = listing;
  const compliance = entry.compliance ? JSON.stringify(entry.compliance) : 'none declared';
  return [
    `${entry.name} · ${entry.publisher_name} · ${listing.registry} · ${listing.downloads} downloads`,
    entry.description,
    `compliance: ${compliance}`,
    ...[...entry.releases]
      .sort((a, b) => newestFirst(a.version, b.version))
      .map(
        (release) =>
          `${release.version} ${release.status} · scan ${release.scan.high}/${release.scan.medium}/${release.scan.low} (high/medium/low) · ${release.changelog}`,
      ),
  ];
}

export function matchesListing(listing: MarketplaceListing, filter: string): boolean {
  const needle = filter.toLowerCase();
  const { entry } = listing;
  return [entry.slug, entry.name, entry.description, entry.category ?? '', ...entry.tags]
    .join(' ')
    .toLowerCase()
    .includes(needle);
}
