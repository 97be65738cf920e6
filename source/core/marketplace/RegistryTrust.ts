import { z } from 'zod';
import { lazySchema } from '../schema/lazySchema.js';

const base64Key = lazySchema(() =>
  z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'a public key is base64 (DER SubjectPublicKeyInfo)'),
);

export const trustedKeySchema = lazySchema(() =>
  z.strictObject({
    name: z.string().min(1).max(100),
    key: base64Key,
  }),
);

export type TrustedKey = z.infer<typeof trustedKeySchema>;

/**
 * One registry the user reads templates from, and whom they trust in it: the publisher keys whose
 * releases they accept, the approver keys whose reviews count, and keys revoked since.
 */
export const registryTrustSchema = lazySchema(() =>
  z.strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a registry name is lower-case letters, digits and -'),
    /** `s3://bucket/prefix` or a directory path. */
    location: z.string().min(1),
    publishers: z.array(trustedKeySchema),
    approvers: z.array(trustedKeySchema),
    /** Public keys (base64) no longer trusted, whatever list they are in. */
    revoked: z.array(base64Key),
  }),
);

export type RegistryTrust = z.infer<typeof registryTrustSchema>;

export type KeyRole = 'publisher' | 'approver';

/** The trusted key of that role, or the reason it is not trusted. */
export function trustedKeyFor(
  trust: RegistryTrust,
  role: KeyRole,
  publicKey: string,
  fingerprint: string,
): { key: TrustedKey } | { refusal: string } {
  if (trust.revoked.includes(publicKey)) {
    return { refusal: `the ${role} key ${fingerprint} is revoked in the registry '${trust.name}'` };
  }
  const list = role === 'publisher' ? trust.publishers : trust.approvers;
  const key = list.find((entry) => entry.key === publicKey);
  if (!key) {
    return {
      refusal: `unknown signer: the key ${fingerprint} is not a trusted ${role} of the registry '${trust.name}'`,
    };
  }
  return { key };
}
