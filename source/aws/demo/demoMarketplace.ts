import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { type SigningKey, signingKeyOf } from '../../core/identity/signingKey.js';
import { DirectoryRegistryStore } from '../../core/marketplace/DirectoryRegistryStore.js';
import { publishRelease } from '../../core/marketplace/publishRelease.js';
import type { RegistryTrust } from '../../core/marketplace/RegistryTrust.js';
import { RegistryRatings } from '../../core/marketplace/ratings.js';
import { readRegistries, writeRegistries } from '../../core/marketplace/registriesFile.js';
import { registryKeys } from '../../core/marketplace/registryKeys.js';
import { reviewRelease } from '../../core/marketplace/reviewRelease.js';
import { scanTemplateText } from '../../core/marketplace/scan/scanTemplateText.js';
import type { AppPaths } from '../../core/paths.js';
import { DEMO_RELEASES, DEMO_REVIEWS } from './demoMarketplaceSamples.js';

export const DEMO_REGISTRY = 'demo-lab';

const newKey = (): SigningKey => signingKeyOf(generateKeyPairSync('ed25519').privateKey);

/**
 * The demo account's sample registry, in the demo state dir: three publishers with several
 * versions, reviews, and one submission awaiting approval. The sample publishers' and approver's
 * private keys are made for the seeding and thrown away; the demo user's own key is trusted as a
 * publisher and as one of the approver keys (a key approves, never a profile's role).
 */
export async function ensureDemoMarketplace(paths: AppPaths, userKey: SigningKey): Promise<void> {
  const location = join(paths.stateDir, 'demo-marketplace');
  const store = new DirectoryRegistryStore(location);
  const registries = await readRegistries(paths.configDir);
  if (registries.some((registry) => registry.name === DEMO_REGISTRY) && (await store.get(registryKeys.index)))
    return;
  const publishers = new Map(
    [...new Set(DEMO_RELEASES.map((release) => release.publisher))].map((name) => [name, newKey()]),
  );
  const approver = newKey();
  const trust: RegistryTrust = {
    name: DEMO_REGISTRY,
    location,
    publishers: [
      ...[...publishers].map(([name, key]) => ({ name, key: key.publicKey })),
      { name: 'You', key: userKey.publicKey },
    ],
    approvers: [
      { name: 'Research Computing', key: approver.publicKey },
      { name: 'You (demo lab approver)', key: userKey.publicKey },
    ],
    revoked: [],
  };
  if (!(await store.get(registryKeys.index))) {
    let day = 0;
    for (const release of DEMO_RELEASES) {
      day += 1;
      const now = new Date(Date.UTC(2026, 9, day));
      const key = publishers.get(release.publisher);
      if (!key) continue;
      await publishRelease(store, {
        template: Buffer.from(release.text),
        listing: release.listing,
        version: release.version,
        changelog: release.changelog,
        publisherName: release.publisher,
        key,
        scan: scanTemplateText(release.text),
        now,
      });
      if (release.approved) {
        await reviewRelease(store, trust, {
          slug: release.listing.slug,
          version: release.version,
          decision: 'approve',
          reason: 'reviewed by Research Computing',
          reviewerName: 'Research Computing',
          key: approver,
          now,
        });
      }
    }
    const ratings = new RegistryRatings(store);
    for (const review of DEMO_REVIEWS) await ratings.rate(review);
  }
  await writeRegistries(paths.configDir, [
    ...registries.filter((registry) => registry.name !== DEMO_REGISTRY),
    trust,
  ]);
}
