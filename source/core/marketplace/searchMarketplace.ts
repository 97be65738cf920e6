import { newestFirst } from './compareVersions.js';
import type { RatingSummary } from './ratings.js';
import type { IndexEntry } from './registryIndex.js';

/** One template of one registry, as a search lists it. */
export interface MarketplaceListing {
  registry: string;
  entry: IndexEntry;
  rating: RatingSummary;
  downloads: number;
}

export interface MarketplaceQuery {
  words: string[];
  category?: string;
  tag?: string;
  /** A compliance framework the template must claim (HIPAA, NIST-800-171, ...). */
  compliance?: string;
  sort?: 'rating' | 'downloads' | 'updated' | 'name';
}

export const MARKETPLACE_SORTS = ['rating', 'downloads', 'updated', 'name'] as const;

function frameworksOf(entry: IndexEntry): string[] {
  const frameworks = entry.compliance?.frameworks;
  return Array.isArray(frameworks)
    ? frameworks.filter((item): item is string => typeof item === 'string')
    : [];
}

function updatedAt(entry: IndexEntry): string {
  return [...entry.releases].sort((a, b) => newestFirst(a.version, b.version))[0]?.published_at ?? '';
}

/** Filters and sorts listings; every word must appear in the slug, name, description or a tag. */
export function searchMarketplace(
  listings: readonly MarketplaceListing[],
  query: MarketplaceQuery,
): MarketplaceListing[] {
  const lower = (text: string) => text.toLowerCase();
  const matches = listings.filter(({ entry }) => {
    const haystack = lower(
      [entry.slug, entry.name, entry.description, ...entry.tags, entry.category ?? ''].join(' '),
    );
    if (!query.words.every((word) => haystack.includes(lower(word)))) return false;
    if (query.category !== undefined && lower(entry.category ?? '') !== lower(query.category)) return false;
    if (query.tag !== undefined && !entry.tags.some((tag) => lower(tag) === lower(query.tag ?? '')))
      return false;
    if (query.compliance !== undefined) {
      const wanted = lower(query.compliance);
      if (!frameworksOf(entry).some((framework) => lower(framework) === wanted)) return false;
    }
    return true;
  });
  const sort = query.sort ?? 'name';
  return [...matches].sort((a, b) => {
    if (sort === 'rating') return b.rating.average - a.rating.average || b.rating.count - a.rating.count;
    if (sort === 'downloads') return b.downloads - a.downloads;
    if (sort === 'updated') return updatedAt(b.entry).localeCompare(updatedAt(a.entry));
    return a.entry.slug.localeCompare(b.entry.slug);
  });
}
