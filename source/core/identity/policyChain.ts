import { type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { narrowerThan } from '../policy/narrowerThan.js';
import { policySchema } from '../policy/policySchema.js';
import { canonicalJson } from './canonicalJson.js';
import { ed25519PublicKey } from './signingKey.js';

/**
 * One step of an invitation chain: who handed on which policy, signed with their key. Each link's
 * signature also covers the previous link's signature, so links cannot be reordered or dropped.
 */
export const policyChainLinkSchema = z.strictObject({
  issuer: z.string().min(1),
  /** base64 DER Ed25519 public key of the issuer. */
  issuer_key: z.string().min(1),
  issued_at: z.string().min(1),
  policy: policySchema,
  /** base64url Ed25519 signature. */
  signature: z.string().min(1),
});
export type PolicyChainLink = z.infer<typeof policyChainLinkSchema>;

type UnsignedLink = Omit<PolicyChainLink, 'signature'>;

function signedBytes(link: UnsignedLink, previous: PolicyChainLink | undefined): Buffer {
  return Buffer.from(
    canonicalJson({
      issuer: link.issuer,
      issuer_key: link.issuer_key,
      issued_at: link.issued_at,
      policy: link.policy,
      previous: previous?.signature ?? null,
    }),
  );
}

/** Signs a new link to append after `previous` (undefined for the first link). */
export function signPolicyLink(
  link: UnsignedLink,
  previous: PolicyChainLink | undefined,
  privateKey: KeyObject,
): PolicyChainLink {
  const signature = sign(null, signedBytes(link, previous), privateKey).toString('base64url');
  return { ...link, signature };
}

/**
 * Checks that every link is signed by the key it names and that every policy is the same as or
 * narrower than the one before it. Returns one sentence per problem.
 */
export function verifyPolicyChain(chain: readonly PolicyChainLink[]): string[] {
  const problems: string[] = [];
  chain.forEach((link, index) => {
    const previous = index === 0 ? undefined : chain[index - 1];
    const label = `link ${index + 1} (issued by ${link.issuer})`;
    let valid = false;
    try {
      valid = verify(
        null,
        signedBytes(link, previous),
        ed25519PublicKey(link.issuer_key),
        Buffer.from(link.signature, 'base64url'),
      );
    } catch {
      valid = false;
    }
    if (!valid) problems.push(`${label}: the signature does not match; the chain was altered`);
    if (previous) {
      for (const widening of narrowerThan(link.policy, previous.policy).widened) {
        problems.push(`${label} widens the policy before it: ${widening}`);
      }
    }
  });
  return problems;
}
