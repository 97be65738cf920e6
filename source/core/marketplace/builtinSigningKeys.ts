import { createHash, createPrivateKey } from 'node:crypto';
import { type SigningKey, signingKeyOf } from '../identity/signingKey.js';

/**
 * The public half of the cws-tui release key that signs the built-in templates of a release
 * (`npm run package` with CWS_RELEASE_SIGNING_KEY). The private half is never in the repository.
 * To rotate it: `openssl genpkey -algorithm ed25519 -out release.pem`, then put the base64 of
 * `openssl pkey -in release.pem -pubout -outform DER` here.
 */
export const BUILTIN_RELEASE_PUBLIC_KEY = 'MCowBQYDK2VwAyEAPa+GJLaCZyKa8uzqJihFf5SKwvnz079viL7hbule7Ik=';

/**
 * The development key's private half is derived from this published text, so every checkout signs
 * its built-ins the same way without a private key file in the repository. Anyone can sign with it:
 * it proves nothing about who wrote the templates, which is why the app says so and a policy can
 * refuse it (`templates.development_builtins: deny`).
 */
const DEVELOPMENT_SEED_TEXT =
  'cws-tui development key: signs built-in templates in checkouts; attests nothing';

/** PKCS#8 DER for an Ed25519 private key is this fixed prefix followed by the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The development key's public half, written out: checking the built-ins needs only this, and
 * deriving it from the seed costs a cold command several milliseconds. A test derives it again.
 */
export const DEVELOPMENT_PUBLIC_KEY = 'MCowBQYDK2VwAyEAoK1mB4O+m8hT0Jh0nCDFE1OYEGlsl8CpyIKg0rgQTdM=';

let development: SigningKey | undefined;

export function developmentSigningKey(): SigningKey {
  if (development) return development;
  const seed = createHash('sha256').update(DEVELOPMENT_SEED_TEXT).digest();
  development = signingKeyOf(
    createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' }),
  );
  return development;
}

/** Which keys may sign the built-in set: the release key(s) and the labelled development key. */
export interface BuiltinSignerKeys {
  release: readonly string[];
  development: string;
}

export function defaultBuiltinSignerKeys(): BuiltinSignerKeys {
  return { release: [BUILTIN_RELEASE_PUBLIC_KEY], development: DEVELOPMENT_PUBLIC_KEY };
}

export type BuiltinSigner = 'release' | 'development';
