import { verifyInstalledTemplate } from '../marketplace/installedRelease.js';
import type { RegistryTrust } from '../marketplace/RegistryTrust.js';
import { readRegistries } from '../marketplace/registriesFile.js';
import type { LoadedTemplate } from './LoadedTemplate.js';
import type { TemplateSearchDirectory } from './templateSearchPath.js';

/**
 * Re-verifies every non-built-in template at load: a marketplace install must still match its
 * signature, review and the user's current registry trust, or it is marked refused with the
 * reason (a policy requiring approval then refuses it). Unreadable trust refuses them all.
 */
export async function addProvenance(
  loaded: LoadedTemplate[],
  searchPath: readonly TemplateSearchDirectory[],
): Promise<void> {
  const trustDir = searchPath.find((entry) => entry.trustDir !== undefined)?.trustDir;
  let registries: RegistryTrust[] | Error = [];
  if (trustDir !== undefined) {
    registries = await readRegistries(trustDir).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
  }
  await Promise.all(
    loaded.map(async (template) => {
      template.provenance =
        template.origin === 'builtin'
          ? { state: 'builtin' }
          : await verifyInstalledTemplate(template.source, registries);
    }),
  );
}
