import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';
import { marketplaceSlug, releaseVersion } from './releaseStatement.js';

export const INDEX_FORMAT = 'cws-registry-index/1';

const indexRelease = lazySchema(() =>
  z.strictObject({
    version: releaseVersion,
    template_sha256: z.string().regex(/^[0-9a-f]{64}$/),
    publisher_key: z.string(),
    changelog: z.string(),
    published_at: z.string(),
    status: z.enum(['submitted', 'approved', 'rejected']),
    scan: z.strictObject({ high: z.number(), medium: z.number(), low: z.number() }),
  }),
);

const indexEntry = lazySchema(() =>
  z.strictObject({
    slug: marketplaceSlug,
    name: z.string(),
    description: z.string(),
    category: z.string().optional(),
    tags: z.array(z.string()),
    publisher_name: z.string(),
    compliance: z.record(z.string(), z.unknown()).optional(),
    releases: z.array(indexRelease),
  }),
);

export type IndexRelease = z.infer<typeof indexRelease>;
export type IndexEntry = z.infer<typeof indexEntry>;

/**
 * The registry's table of contents, rebuilt from the signed releases by every publish and review.
 * It is a convenience for search: nothing is trusted from it alone, every install checks the
 * release's own signature and the index's digest against it.
 */
export interface RegistryIndex {
  format: typeof INDEX_FORMAT;
  entries: IndexEntry[];
}

export interface ParsedIndex {
  index: RegistryIndex;
  /** One line per malformed entry skipped. */
  problems: string[];
}

/** Parses an index, skipping malformed entries with a problem each rather than failing the search. */
export function parseRegistryIndex(bytes: Buffer | undefined, location: string): ParsedIndex {
  const empty: RegistryIndex = { format: INDEX_FORMAT, entries: [] };
  if (bytes === undefined) return { index: empty, problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { index: empty, problems: [`${location}: the index is not JSON; no template of it is listed`] };
  }
  const shape = z
    .object({ format: z.literal(INDEX_FORMAT), entries: z.array(z.unknown()) })
    .safeParse(parsed);
  if (!shape.success) {
    return { index: empty, problems: [`${location}: the index is not a ${INDEX_FORMAT} index`] };
  }
  const problems: string[] = [];
  const entries: IndexEntry[] = [];
  shape.data.entries.forEach((raw, position) => {
    const entry = indexEntry.safeParse(raw);
    if (entry.success) entries.push(entry.data);
    else problems.push(`${location}: index entry ${position + 1} is malformed and skipped`);
  });
  return { index: { format: INDEX_FORMAT, entries }, problems };
}

export function indexBytes(index: RegistryIndex): Buffer {
  return Buffer.from(`${JSON.stringify(index, null, 2)}\n`, 'utf8');
}
