import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { publicKeyFingerprint } from '../../core/identity/signingKey.js';
import type { TrustedKey } from '../../core/marketplace/RegistryTrust.js';
import { usageError } from '../CliError.js';

async function keyText(value: string): Promise<string> {
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.length >= 40) return value;
  try {
    return await readFile(value, 'utf8');
  } catch {
    throw usageError(`'${value}' is neither a base64 public key nor a readable key file`);
  }
}

/**
 * A public key as `marketplace key` prints it (base64 DER) or a PEM public key, given inline or as
 * a file; returned as base64 DER, refused when it is not an Ed25519 public key.
 */
export async function publicKeyArgument(value: string): Promise<string> {
  const text = (await keyText(value)).trim();
  if (text.includes('PRIVATE KEY')) throw usageError(`'${value}' is a private key; give the public key`);
  try {
    const key = text.startsWith('-----BEGIN')
      ? createPublicKey(text)
      : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    return key.export({ format: 'der', type: 'spki' }).toString('base64');
  } catch {
    throw usageError(`'${value}' is not an Ed25519 public key (base64 DER or PEM)`);
  }
}

/** `NAME=KEY` (KEY as publicKeyArgument takes it): a key and the name people know it by. */
export async function trustedKeyArgument(spec: string, flag: string): Promise<TrustedKey> {
  const at = spec.indexOf('=');
  if (at <= 0) throw usageError(`${flag} takes NAME=KEY (e.g. ${flag} "Genomics Core=genomics.pub")`);
  const name = spec.slice(0, at).trim();
  if (name === '' || name.length > 100) throw usageError(`${flag}: the name before = is 1 to 100 characters`);
  return { name, key: await publicKeyArgument(spec.slice(at + 1)) };
}

export function describeKey(key: TrustedKey): string {
  return `${key.name} (${publicKeyFingerprint(key.key)})`;
}
