import { sign, verify } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../identity/canonicalJson.js';
import { ed25519PublicKey, publicKeyFingerprint, type SigningKey } from '../identity/signingKey.js';
import { lazySchema } from '../schema/lazySchema.js';
import { MarketplaceRefusal } from './MarketplaceRefusal.js';

export const ENVELOPE_FORMAT = 'cws-signature/1';

/** An envelope is small; anything bigger is refused before it is parsed. */
export const MAX_ENVELOPE_BYTES = 64 * 1024;

/**
 * What a signature file holds (documented in the README, "Template signatures"): the statement's
 * exact bytes (canonical JSON, base64), the Ed25519 signature over those bytes and the signer's
 * public key (base64 DER SubjectPublicKeyInfo, so `openssl pkeyutl -verify -rawin` checks it).
 */
const envelopeSchema = lazySchema(() =>
  z.strictObject({
    format: z.literal(ENVELOPE_FORMAT),
    public_key: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
    payload: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
    signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  }),
);

export type SignatureEnvelope = z.infer<typeof envelopeSchema>;

/** An envelope whose signature holds: the payload bytes as signed and who signed them. */
export interface OpenedEnvelope {
  payload: Buffer;
  publicKey: string;
  fingerprint: string;
}

/** Signs a statement: its canonical JSON is the payload, so the same statement gives the same bytes. */
export function signStatement(statement: object, key: SigningKey): SignatureEnvelope {
  const payload = Buffer.from(canonicalJson(statement), 'utf8');
  return {
    format: ENVELOPE_FORMAT,
    public_key: key.publicKey,
    payload: payload.toString('base64'),
    signature: sign(null, payload, key.privateKey).toString('base64'),
  };
}

/** The file form of an envelope: pretty JSON, so that `jq` and people can read it. */
export function envelopeBytes(envelope: SignatureEnvelope): Buffer {
  return Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
}

/**
 * Parses only the envelope and checks its signature; the payload is returned as bytes, to be
 * parsed by the caller once the signer is known to be trusted. `what` names the file in messages.
 */
export function openEnvelope(bytes: Uint8Array, what: string): OpenedEnvelope {
  if (bytes.length > MAX_ENVELOPE_BYTES) {
    throw new MarketplaceRefusal(`${what} is ${bytes.length} bytes, more than a signature can be`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new MarketplaceRefusal(`${what} is not a signature envelope (not JSON)`);
  }
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success) {
    throw new MarketplaceRefusal(`${what} is not a ${ENVELOPE_FORMAT} signature envelope`);
  }
  const { public_key: publicKey, payload, signature } = envelope.data;
  let key: ReturnType<typeof ed25519PublicKey>;
  try {
    key = ed25519PublicKey(publicKey);
  } catch {
    throw new MarketplaceRefusal(`${what} names a public key that is not an Ed25519 key`);
  }
  const payloadBytes = Buffer.from(payload, 'base64');
  const signatureBytes = Buffer.from(signature, 'base64');
  const holds = signatureBytes.length === 64 && verify(null, payloadBytes, key, signatureBytes);
  if (!holds) {
    throw new MarketplaceRefusal(
      `${what}: the signature does not match the signed metadata (the metadata or the signature was altered)`,
    );
  }
  return { payload: payloadBytes, publicKey, fingerprint: publicKeyFingerprint(publicKey) };
}
