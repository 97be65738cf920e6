import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { budgetSchema } from '../cost/Budget.js';
import { budgetWidening } from '../cost/budgetWidening.js';
import { nodeCrypto } from '../crypto/nodeCrypto.js';
import { narrowerThan } from '../policy/narrowerThan.js';
import { policySchema } from '../policy/policySchema.js';
import { lazySchema } from '../schema/lazySchema.js';
import { canonicalJson } from './canonicalJson.js';
import { ed25519PublicKey } from './signingKey.js';

/**
 * One step of an invitation chain: who handed on which terms (policy, budget, the right to invite),
 * signed with their key. Each link's signature also covers the previous link's signature, so links
 * cannot be reordered or dropped. A link that grants the right to invite names the key (the
 * `subject_key`) that alone may sign the next link; a link that does not grant it ends the chain.
 * Links issued before budgets and the right to invite were signed lack those fields: they verify
 * as before, but nothing may follow them and their budget is not vouched for.
 */
export const policyChainLinkSchema = lazySchema(() =>
  z.strictObject({
    issuer: z.string().min(1),
    /** base64 DER Ed25519 public key of the issuer. */
    issuer_key: z.string().min(1),
    issued_at: z.string().min(1),
    policy: policySchema,
    /** The invitee's monthly budget; absent means none (which only an admin root may hand on). */
    budget: budgetSchema.optional(),
    /** Whether the invitee may invite others; absent on links from before it was signed. */
    can_invite: z.boolean().optional(),
    /** base64 DER Ed25519 public key that may sign the next link (only with can_invite). */
    subject_key: z.string().min(1).optional(),
    /** base64url Ed25519 signature. */
    signature: z.string().min(1),
  }),
);
export type PolicyChainLink = z.infer<typeof policyChainLinkSchema>;

type UnsignedLink = Omit<PolicyChainLink, 'signature'>;

function signedBytes(link: UnsignedLink, previous: PolicyChainLink | undefined): Buffer {
  // canonicalJson leaves out undefined fields: a link from before budgets were signed gives the
  // same bytes as it always did.
  return Buffer.from(
    canonicalJson({
      issuer: link.issuer,
      issuer_key: link.issuer_key,
      issued_at: link.issued_at,
      policy: link.policy,
      budget: link.budget,
      can_invite: link.can_invite,
      subject_key: link.subject_key,
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
  const signature = nodeCrypto().sign(null, signedBytes(link, previous), privateKey).toString('base64url');
  return { ...link, signature };
}

/** Whether the link carries the signed budget and right to invite (links from 1.3.0 on). */
export function signsTerms(link: PolicyChainLink): boolean {
  return link.can_invite !== undefined;
}

/**
 * Checks that every link is signed by the key it names, that every link after the first is signed
 * by the key the link before it handed the right to invite to, and that every policy and budget is
 * the same as or narrower than the one before it. Returns one sentence per problem.
 */
export function verifyPolicyChain(chain: readonly PolicyChainLink[]): string[] {
  const problems: string[] = [];
  chain.forEach((link, index) => {
    const previous = index === 0 ? undefined : chain[index - 1];
    const label = `link ${index + 1} (issued by ${link.issuer})`;
    if (!signatureMatches(link, previous)) {
      problems.push(`${label}: the signature does not match; the chain was altered`);
    }
    if (!previous) return;
    if (previous.can_invite !== true) {
      problems.push(`${label}: link ${index} did not give its holder the right to invite`);
    } else if (link.issuer_key !== previous.subject_key) {
      problems.push(`${label}: it is signed by a key link ${index} did not hand the right to invite to`);
    }
    for (const widening of narrowerThan(link.policy, previous.policy).widened) {
      problems.push(`${label} widens the policy before it: ${widening}`);
    }
    if (signsTerms(previous) && !signsTerms(link)) {
      problems.push(`${label}: it does not sign the budget and the right to invite, as link ${index} does`);
    } else if (signsTerms(previous)) {
      for (const widening of budgetWidening(link.budget, previous.budget)) {
        problems.push(`${label} widens the budget before it: ${widening}`);
      }
    }
  });
  return problems;
}

function signatureMatches(link: PolicyChainLink, previous: PolicyChainLink | undefined): boolean {
  try {
    return nodeCrypto().verify(
      null,
      signedBytes(link, previous),
      ed25519PublicKey(link.issuer_key),
      Buffer.from(link.signature, 'base64url'),
    );
  } catch {
    return false;
  }
}
