import { join } from 'node:path';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { newestFirst } from './compareVersions.js';
import { type ProvenanceRecord, provenancePathOf } from './installedRelease.js';
import { MarketplaceRefusal } from './MarketplaceRefusal.js';
import type { RegistryStore } from './ports.js';
import type { RegistryTrust } from './RegistryTrust.js';
import { readRelease } from './readRelease.js';
import { type IndexEntry, parseRegistryIndex } from './registryIndex.js';
import { registryKeys } from './registryKeys.js';
import { type VerifiedRelease, verifyRelease } from './verifyRelease.js';

/** Installed marketplace templates live in their own folder of the user's templates directory. */
export function installedTemplatePath(userTemplatesDir: string, slug: string): string {
  return join(userTemplatesDir, 'marketplace', `${slug}.yml`);
}

/** `slug` or `slug@version`. */
export function parseReleaseReference(reference: string): { slug: string; version?: string } {
  const at = reference.indexOf('@');
  if (at < 0) return { slug: reference };
  return { slug: reference.slice(0, at), version: reference.slice(at + 1) };
}

/** The version an unpinned install takes: the newest approved one, else the newest. */
export function chooseVersion(entry: IndexEntry, version: string | undefined): string {
  if (version !== undefined) {
    if (!entry.releases.some((release) => release.version === version)) {
      const known = entry.releases.map((release) => release.version).join(', ');
      throw new MarketplaceRefusal(`${entry.slug} has no version ${version} (published: ${known})`);
    }
    return version;
  }
  const sorted = [...entry.releases].sort((a, b) => newestFirst(a.version, b.version));
  const chosen = sorted.find((release) => release.status === 'approved') ?? sorted[0];
  if (!chosen) throw new MarketplaceRefusal(`${entry.slug} has no release`);
  return chosen.version;
}

export interface InstallOutcome {
  path: string;
  release: VerifiedRelease;
  template: Buffer;
}

/**
 * Verifies a release against the registry's trust and the index, then writes the template and its
 * provenance file (provenance first, then the template, each atomically), so a half-done install
 * is refused at load rather than trusted. `check` may refuse the template's content (it is called
 * only after the signature and digest hold).
 */
export async function installRelease(
  store: RegistryStore,
  trust: RegistryTrust,
  reference: string,
  options: {
    userTemplatesDir: string;
    now: Date;
    check?: (template: Buffer) => void;
    /** Installs the version named yet keeps following new ones (an update of an unpinned template). */
    unpinned?: boolean;
  },
): Promise<InstallOutcome> {
  const { slug, version: asked } = parseReleaseReference(reference);
  const { index } = parseRegistryIndex(await store.get(registryKeys.index), store.location);
  const entry = index.entries.find((candidate) => candidate.slug === slug);
  if (!entry) throw new MarketplaceRefusal(`no template '${slug}' in the registry '${trust.name}'`);
  const version = chooseVersion(entry, asked);
  const indexed = entry.releases.find((release) => release.version === version);
  const files = await readRelease(store, slug, version);
  const release = verifyRelease(files, trust, {
    slug,
    version,
    ...(indexed ? { template_sha256: indexed.template_sha256 } : {}),
  });
  const template = Buffer.from(files.template);
  options.check?.(template);
  const path = installedTemplatePath(options.userTemplatesDir, slug);
  const record: ProvenanceRecord = {
    format: 'cws-provenance/1',
    registry: trust.name,
    location: trust.location,
    slug,
    version,
    pinned: asked !== undefined && !options.unpinned,
    installed_at: options.now.toISOString(),
    signature: Buffer.from(files.signature).toString('base64'),
    ...(files.review !== undefined ? { review: Buffer.from(files.review).toString('base64') } : {}),
  };
  await writeFileAtomic(provenancePathOf(path), `${JSON.stringify(record, null, 2)}\n`);
  await writeFileAtomic(path, template);
  await countDownload(store, slug);
  return { path, release, template };
}

/** Best effort: a registry that cannot count does not fail an install. */
async function countDownload(store: RegistryStore, slug: string): Promise<void> {
  try {
    const bytes = await store.get(registryKeys.downloads(slug));
    const current = bytes ? Number(JSON.parse(bytes.toString('utf8')).count) || 0 : 0;
    await store.put(registryKeys.downloads(slug), Buffer.from(JSON.stringify({ count: current + 1 })));
  } catch {}
}

export async function downloadsOf(store: RegistryStore, slug: string): Promise<number> {
  try {
    const bytes = await store.get(registryKeys.downloads(slug));
    return bytes ? Number(JSON.parse(bytes.toString('utf8')).count) || 0 : 0;
  } catch {
    return 0;
  }
}
