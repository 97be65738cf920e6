import { readFile } from 'node:fs/promises';
import { type BuiltinSignerKeys, defaultBuiltinSignerKeys } from '../marketplace/builtinSigningKeys.js';
import {
  type BuiltinSignature,
  builtinFileRefusal,
  readBuiltinSignature,
} from '../marketplace/builtinTemplatesSignature.js';
import { verifyInstalledTemplate } from '../marketplace/installedRelease.js';
import type { RegistryTrust } from '../marketplace/RegistryTrust.js';
import { readRegistries } from '../marketplace/registriesFile.js';
import type { TemplateProvenance } from '../marketplace/TemplateProvenance.js';
import type { LoadedTemplate } from './LoadedTemplate.js';
import type { TemplateSearchDirectory } from './templateSearchPath.js';

/** Checks each built-in file against the built-in set's signature, read once. */
async function verifyBuiltins(
  builtins: readonly LoadedTemplate[],
  directory: string | undefined,
  keys: BuiltinSignerKeys,
): Promise<void> {
  const signature: BuiltinSignature | Error =
    directory === undefined
      ? new Error('the built-in templates directory is unknown')
      : await readBuiltinSignature(directory, keys).catch((error: unknown) =>
          error instanceof Error ? error : new Error(String(error)),
        );
  await Promise.all(
    builtins.map(async (template) => {
      template.provenance = await builtinProvenance(template, signature);
    }),
  );
}

async function builtinProvenance(
  template: LoadedTemplate,
  signature: BuiltinSignature | Error,
): Promise<TemplateProvenance> {
  if (signature instanceof Error) return { state: 'refused', registry: 'builtin', reason: signature.message };
  let bytes: Buffer;
  try {
    bytes = await readFile(template.source);
  } catch {
    return { state: 'refused', registry: 'builtin', reason: `cannot read ${template.source} to verify it` };
  }
  const refusal = builtinFileRefusal(signature, template.relative_path ?? template.source, bytes);
  if (refusal !== undefined) return { state: 'refused', registry: 'builtin', reason: refusal };
  return { state: 'builtin', signer: signature.signer, fingerprint: signature.fingerprint };
}

/**
 * Verifies every template at load. Built-ins must match the built-in set's signature (release or
 * development key); a marketplace install must still match its signature, review and the user's
 * current registry trust. Either is otherwise marked refused with the reason, and a refused
 * template is never launched. Unreadable trust refuses every install.
 */
export async function addProvenance(
  loaded: LoadedTemplate[],
  searchPath: readonly TemplateSearchDirectory[],
  keys: BuiltinSignerKeys = defaultBuiltinSignerKeys(),
): Promise<void> {
  const builtins = loaded.filter((template) => template.origin === 'builtin');
  const builtinDir = searchPath.find((entry) => entry.origin === 'builtin')?.directory;
  const verifying = builtins.length > 0 ? verifyBuiltins(builtins, builtinDir, keys) : Promise.resolve();
  // Built-ins only (the usual start): no registry trust file to read.
  const others = loaded.filter((template) => template.origin !== 'builtin');
  if (others.length === 0) return verifying;
  const trustDir = searchPath.find((entry) => entry.trustDir !== undefined)?.trustDir;
  let registries: RegistryTrust[] | Error = [];
  if (trustDir !== undefined) {
    registries = await readRegistries(trustDir).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
  }
  await Promise.all([
    verifying,
    ...others.map(async (template) => {
      template.provenance = await verifyInstalledTemplate(template.source, registries);
    }),
  ]);
}
