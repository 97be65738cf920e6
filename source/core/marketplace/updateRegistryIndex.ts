import { newestFirst } from './compareVersions.js';
import type { RegistryStore } from './ports.js';
import { type IndexEntry, type IndexRelease, indexBytes, parseRegistryIndex } from './registryIndex.js';
import { registryKeys } from './registryKeys.js';
import type { ReleaseStatement } from './releaseStatement.js';

/** Adds a release to the index (the entry's listing fields follow its newest release). */
export async function addReleaseToIndex(
  store: RegistryStore,
  statement: ReleaseStatement,
  publisherKey: string,
): Promise<void> {
  const { index } = parseRegistryIndex(await store.get(registryKeys.index), store.location);
  const release: IndexRelease = {
    version: statement.version,
    template_sha256: statement.template_sha256,
    publisher_key: publisherKey,
    changelog: statement.changelog,
    published_at: statement.published_at,
    status: 'submitted',
    scan: statement.scan,
  };
  const existing = index.entries.find((entry) => entry.slug === statement.slug);
  const releases = [
    ...(existing?.releases ?? []).filter((r) => r.version !== statement.version),
    release,
  ].sort((a, b) => newestFirst(a.version, b.version));
  const isNewest = releases[0]?.version === statement.version;
  const entry: IndexEntry =
    existing && !isNewest
      ? { ...existing, releases }
      : {
          slug: statement.slug,
          name: statement.name,
          description: statement.description,
          ...(statement.category !== undefined ? { category: statement.category } : {}),
          tags: statement.tags,
          publisher_name: statement.publisher_name,
          ...(statement.compliance !== undefined ? { compliance: statement.compliance } : {}),
          releases,
        };
  const entries = [...index.entries.filter((other) => other.slug !== statement.slug), entry].sort((a, b) =>
    a.slug.localeCompare(b.slug),
  );
  await store.put(registryKeys.index, indexBytes({ ...index, entries }));
}

/** Records a review's decision on the release's index line. */
export async function setReleaseStatus(
  store: RegistryStore,
  slug: string,
  version: string,
  status: IndexRelease['status'],
): Promise<void> {
  const { index } = parseRegistryIndex(await store.get(registryKeys.index), store.location);
  const entries = index.entries.map((entry) =>
    entry.slug !== slug
      ? entry
      : {
          ...entry,
          releases: entry.releases.map((release) =>
            release.version === version ? { ...release, status } : release,
          ),
        },
  );
  await store.put(registryKeys.index, indexBytes({ ...index, entries }));
}
