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
  for (const template of loaded)
    if (template.origin === 'builtin') template.provenance = { state: 'builtin' };
  // Built-ins only (the usual start): no registry trust file to read.
  const others = loaded.filter((template) => template.origin !== 'builtin');
  if (others.length === 0) return;
  const trustDir = searchPath.find((entry) => entry.trustDir !== undefined)?.trustDir;
  let registries: RegistryTrust[] | Error = [];
  if (trustDir !== undefined) {
    registries = await readRegistries(trustDir).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
  }
  await Promise.all(
    others.map(async (template) => {
      template.provenance = await verifyInstalledTemplate(template.source, registries);
    }),
  );
}
