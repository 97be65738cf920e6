import type { KeyObject } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeCrypto } from '../crypto/nodeCrypto.js';
import { withFileLock } from '../fs/withFileLock.js';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';

/** The Ed25519 key this installation signs invitations and policy links with. */
export interface SigningKey {
  privateKey: KeyObject;
  /** The public key, base64 of its DER SubjectPublicKeyInfo: what tokens embed. */
  publicKey: string;
  /** `SHA256:...`, for people to compare. */
  fingerprint: string;
}

const SIGNING_KEY_FILE = 'invitation-signing-key.pem';

/** Loads the signing key from the state dir, creating it (mode 0600) on first use. */
export async function loadOrCreateSigningKey(stateDir: string): Promise<SigningKey> {
  const path = join(stateDir, SIGNING_KEY_FILE);
  const existing = await readPrivateKey(path);
  if (existing) return signingKeyOf(existing);
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  return withFileLock(`${path}.lock`, async () => {
    const created = (await readPrivateKey(path)) ?? nodeCrypto().generateKeyPairSync('ed25519').privateKey;
    await writeFileAtomic(path, created.export({ format: 'pem', type: 'pkcs8' }).toString(), 0o600);
    return signingKeyOf(created);
  });
}

/** `SHA256:<base64>` of the DER public key, the way ssh-keygen prints fingerprints. */
export function publicKeyFingerprint(publicKey: string): string {
  const digest = nodeCrypto().createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

/** The public key object of a base64 DER key; throws when the bytes are not an Ed25519 key. */
export function ed25519PublicKey(publicKey: string): KeyObject {
  const key = nodeCrypto().createPublicKey({
    key: Buffer.from(publicKey, 'base64'),
    format: 'der',
    type: 'spki',
  });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  return key;
}

export function signingKeyOf(privateKey: KeyObject): SigningKey {
  const publicKey = nodeCrypto()
    .createPublicKey(privateKey)
    .export({ format: 'der', type: 'spki' })
    .toString('base64');
  return { privateKey, publicKey, fingerprint: publicKeyFingerprint(publicKey) };
}

async function readPrivateKey(path: string): Promise<KeyObject | undefined> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return nodeCrypto().createPrivateKey(pem);
  } catch {
    throw new Error(`${path} is not a valid private key; restore it, or move it away to start a new one`);
  }
}
