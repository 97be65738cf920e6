import { MarketplaceRefusal } from './MarketplaceRefusal.js';
import type { RegistryStore } from './ports.js';
import { registryKeys } from './registryKeys.js';
import type { ReleaseFiles } from './verifyRelease.js';

/** The files of one release from its registry; a release without template or signature is refused. */
export async function readRelease(
  store: RegistryStore,
  slug: string,
  version: string,
): Promise<ReleaseFiles> {
  const [template, signature, review] = await Promise.all([
    store.get(registryKeys.template(slug, version)),
    store.get(registryKeys.signature(slug, version)),
    store.get(registryKeys.review(slug, version)),
  ]);
  if (template === undefined) throw new MarketplaceRefusal(`${slug}@${version} is not in ${store.location}`);
  if (signature === undefined) {
    throw new MarketplaceRefusal(
      `${slug}@${version} in ${store.location} has no signature; it cannot be trusted`,
    );
  }
  return { template, signature, ...(review !== undefined ? { review } : {}) };
}
