import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { lazySchema } from '../schema/lazySchema.js';
import { MarketplaceRefusal } from './MarketplaceRefusal.js';
import { type RegistryTrust, registryTrustSchema } from './RegistryTrust.js';

const registriesSchema = lazySchema(() => z.strictObject({ registries: z.array(registryTrustSchema) }));

/** The registries the user reads and whom they trust in each: `<config>/marketplace/registries.json`. */
export function registriesFilePath(configDir: string): string {
  return join(configDir, 'marketplace', 'registries.json');
}

/**
 * Reads the trust settings. A file that does not parse is an error, never "no registries": an
 * installed template is then refused rather than trusted by accident (fail closed).
 */
export async function readRegistries(configDir: string): Promise<RegistryTrust[]> {
  const path = registriesFilePath(configDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new MarketplaceRefusal(`cannot read ${path}: ${(error as Error).message}`);
  }
  let parsed: ReturnType<typeof registriesSchema.safeParse>;
  try {
    parsed = registriesSchema.safeParse(JSON.parse(text));
  } catch {
    throw new MarketplaceRefusal(`${path} is not JSON; fix it or remove it and add the registries again`);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MarketplaceRefusal(
      `${path} is not valid (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected content'})`,
    );
  }
  return parsed.data.registries;
}

export async function writeRegistries(
  configDir: string,
  registries: readonly RegistryTrust[],
): Promise<void> {
  const valid = registriesSchema.parse({ registries });
  await writeFileAtomic(registriesFilePath(configDir), `${JSON.stringify(valid, null, 2)}\n`, 0o600);
}

export function findRegistry(registries: readonly RegistryTrust[], name: string): RegistryTrust {
  const found = registries.find((registry) => registry.name === name);
  if (!found) {
    const known = registries.map((registry) => registry.name).join(', ') || 'none yet';
    throw new MarketplaceRefusal(
      `no registry named '${name}' (configured: ${known}); add it with 'cws-tui registry add'`,
    );
  }
  return found;
}
