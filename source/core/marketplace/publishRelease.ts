import type { SigningKey } from '../identity/signingKey.js';
import { newestFirst } from './compareVersions.js';
import { MarketplaceRefusal } from './MarketplaceRefusal.js';
import type { RegistryStore } from './ports.js';
import { parseRegistryIndex } from './registryIndex.js';
import { registryKeys } from './registryKeys.js';
import { type ReleaseStatement, releaseStatementSchema, releaseVersion } from './releaseStatement.js';
import type { ScanReport } from './scan/ScanFinding.js';
import { sha256Hex } from './sha256Hex.js';
import { envelopeBytes, signStatement } from './signatureEnvelope.js';
import { addReleaseToIndex } from './updateRegistryIndex.js';

export interface PublishRequest {
  /** The template file's bytes exactly as they will be installed. */
  template: Uint8Array;
  /** What the template says of itself (parsed and validated by the caller). */
  listing: Pick<ReleaseStatement, 'slug' | 'name' | 'description' | 'category' | 'tags' | 'compliance'>;
  version: string;
  changelog: string;
  publisherName: string;
  key: SigningKey;
  scan: ScanReport;
  /** Why high scan findings may go to review anyway; without it they block the publish. */
  scanOverride?: string;
  now: Date;
}

/**
 * Signs a release and uploads it as a submission awaiting approval. Versions are semver, newer
 * than every release of the slug, and immutable: an existing version is never overwritten.
 */
export async function publishRelease(
  store: RegistryStore,
  request: PublishRequest,
): Promise<ReleaseStatement> {
  const version = releaseVersion.safeParse(request.version);
  if (!version.success)
    throw new MarketplaceRefusal(`'${request.version}' is not a semver version such as 1.2.0`);
  const { slug } = request.listing;
  const { high, medium, low } = request.scan.summary;
  if (high > 0 && !request.scanOverride) {
    throw new MarketplaceRefusal(
      `${slug}: ${high} high-severity scan finding(s) block publishing; fix them (cws-tui templates scan) or give --override --reason`,
    );
  }
  const { index } = parseRegistryIndex(await store.get(registryKeys.index), store.location);
  const published = (index.entries.find((entry) => entry.slug === slug)?.releases ?? []).map(
    (r) => r.version,
  );
  const stored = await store.get(registryKeys.signature(slug, request.version));
  if (published.includes(request.version) || stored !== undefined) {
    throw new MarketplaceRefusal(
      `${slug}@${request.version} is already published; versions are immutable, pick a new one`,
    );
  }
  const newest = [...published].sort(newestFirst)[0];
  if (newest !== undefined && newestFirst(request.version, newest) > 0) {
    throw new MarketplaceRefusal(
      `${slug}@${request.version} is older than the published ${newest}; pick a newer version`,
    );
  }
  const statement = releaseStatementSchema.parse({
    kind: 'cws-template-release',
    ...request.listing,
    version: request.version,
    template_sha256: sha256Hex(request.template),
    template_bytes: request.template.length,
    publisher_name: request.publisherName,
    changelog: request.changelog,
    published_at: request.now.toISOString(),
    scan: { high, medium, low },
  });
  const envelope = signStatement(statement, request.key);
  // The signature goes last: a release without one is not a release, whatever else was written.
  await store.put(registryKeys.template(slug, request.version), request.template);
  await store.put(
    registryKeys.scan(slug, request.version),
    Buffer.from(`${JSON.stringify({ ...request.scan, override: request.scanOverride ?? null }, null, 2)}\n`),
  );
  const written = await store.put(registryKeys.signature(slug, request.version), envelopeBytes(envelope), {
    ifAbsent: true,
  });
  if (!written)
    throw new MarketplaceRefusal(`${slug}@${request.version} was published by someone else meanwhile`);
  await addReleaseToIndex(store, statement, request.key.publicKey);
  return statement;
}
