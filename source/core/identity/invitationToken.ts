import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { upgradeStoredBudget } from '../config/legacyProfileBudget.js';
import { PROFILE_NAME_PATTERN, REGION_PATTERN } from '../config/profileSchema.js';
import { budgetSchema } from '../cost/Budget.js';
import { nodeCrypto } from '../crypto/nodeCrypto.js';
import { policySchema } from '../policy/policySchema.js';
import { lazySchema } from '../schema/lazySchema.js';
import { POSIX_NAME_PATTERN } from '../templates/templateSchema.js';
import { canonicalJson } from './canonicalJson.js';
import { InvitationError } from './InvitationError.js';
import { type PolicyChainLink, policyChainLinkSchema, signsTerms, verifyPolicyChain } from './policyChain.js';
import { ed25519PublicKey } from './signingKey.js';

export const invitationPayloadSchema = lazySchema(() =>
  z.strictObject({
    version: z.literal(1),
    id: z.string().min(1),
    issued_at: z.iso.datetime(),
    expires_at: z.iso.datetime(),
    issuer: z.string().min(1),
    /** base64 DER Ed25519 public key that signed the token: the same as the last chain link's. */
    issuer_key: z.string().min(1),
    profile: z.strictObject({
      name: z.string().regex(PROFILE_NAME_PATTERN),
      aws_profile: z.string().min(1),
      aws_account_id: z
        .string()
        .regex(/^\d{12}$/)
        .optional(),
      region: z.string().regex(REGION_PATTERN),
    }),
    /** The research username suggested for the invitee. */
    username: z.string().regex(POSIX_NAME_PATTERN).optional(),
    policy: policySchema,
    policy_chain: z.array(policyChainLinkSchema).min(1),
    /** Invitations issued before config format 1.2.0 carry the old budget shape: read as today's. */
    budget: z.preprocess(upgradeStoredBudget, budgetSchema).optional(),
    can_invite: z.boolean(),
    /** Accepting needs a Globus sign-in (from an identity of `idp_domain`, when given). */
    require_globus: z.strictObject({ idp_domain: z.string().min(1).optional() }).optional(),
    /**
     * With can_invite: the PKCS#8 PEM private key whose public key is the last link's subject_key, the
     * only key that may sign the invitee's own invitations. The token is a secret while it is valid.
     */
    delegate_key: z.string().min(1).optional(),
  }),
);
export type InvitationPayload = z.infer<typeof invitationPayloadSchema>;

/** Far above a long chain's token (a few KB): a larger paste is refused before it is parsed. */
export const MAX_TOKEN_LENGTH = 65_536;

/** `base64url(payload JSON).base64url(Ed25519 signature of the first part)`. */
export function encodeInvitationToken(payload: InvitationPayload, privateKey: KeyObject): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = nodeCrypto().sign(null, Buffer.from(body), privateKey).toString('base64url');
  return `${body}.${signature}`;
}

/**
 * Reads a token and checks, in order: its shape, its signature against the embedded issuer key,
 * its content, its expiry, and its policy chain (signatures and narrowing). Throws an
 * InvitationError naming the first check that fails.
 */
export function decodeInvitationToken(
  token: string,
  now: Date,
  options: { ignoreExpiry?: boolean } = {},
): InvitationPayload {
  if (token.length > MAX_TOKEN_LENGTH) {
    throw new InvitationError(
      `this is not an invitation token: it is ${token.length} characters, and an invitation is at most ${MAX_TOKEN_LENGTH}`,
    );
  }
  // A token is base64url: whitespace (a terminal's or a mailer's line wrapping) is never part of it.
  const parts = token.replace(/\s+/g, '').split('.');
  const [body, signature] = parts;
  if (parts.length !== 2 || !body || !signature || !/^[A-Za-z0-9_-]+$/.test(body + signature)) {
    throw new InvitationError(
      'this is not an invitation token: expected two base64url parts separated by "."',
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new InvitationError('this invitation token is damaged: its content is not readable');
  }
  const issuerKey =
    raw !== null && typeof raw === 'object' && 'issuer_key' in raw && typeof raw.issuer_key === 'string'
      ? raw.issuer_key
      : undefined;
  let publicKey: KeyObject;
  try {
    publicKey = ed25519PublicKey(issuerKey ?? '');
  } catch {
    throw new InvitationError('this invitation token carries no valid issuer key, so it cannot be verified');
  }
  if (!nodeCrypto().verify(null, Buffer.from(body), publicKey, Buffer.from(signature, 'base64url'))) {
    throw new InvitationError(
      'the invitation signature does not match its content: the token was altered after it was signed',
    );
  }
  const parsed = invitationPayloadSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvitationError(
      `this invitation is invalid: ${issue?.path.map(String).join('.')}: ${issue?.message}`,
    );
  }
  const payload = parsed.data;
  if (!options.ignoreExpiry && new Date(payload.expires_at).getTime() <= now.getTime()) {
    throw new InvitationError(`this invitation expired on ${formatUtc(payload.expires_at)}`);
  }
  const chainProblems = verifyPolicyChain(payload.policy_chain);
  const last = payload.policy_chain[payload.policy_chain.length - 1];
  if (last && last.issuer_key !== payload.issuer_key) {
    chainProblems.push(
      'the last link of the policy chain was not issued by the key that signed the invitation',
    );
  }
  if (last && canonicalJson(last.policy) !== canonicalJson(payload.policy)) {
    chainProblems.push('the policy differs from the last link of its chain');
  }
  if (last) chainProblems.push(...termsProblems(payload, last));
  if (chainProblems.length > 0) {
    throw new InvitationError(`this invitation's policy chain is not valid: ${chainProblems.join('; ')}`);
  }
  return payload;
}

/** The token's budget, right to invite and delegate key must be the ones its last link signed. */
function termsProblems(payload: InvitationPayload, last: PolicyChainLink): string[] {
  if (!signsTerms(last)) {
    return payload.can_invite || payload.delegate_key !== undefined
      ? ['the chain was issued before the right to invite was signed, so it cannot grant it']
      : [];
  }
  const problems: string[] = [];
  if (canonicalJson(last.budget ?? null) !== canonicalJson(payload.budget ?? null)) {
    problems.push('the budget differs from the last link of its chain');
  }
  if (last.can_invite !== payload.can_invite) {
    problems.push('the right to invite differs from the last link of its chain');
  }
  const delegate = payload.delegate_key === undefined ? undefined : publicKeyOfPem(payload.delegate_key);
  if (payload.can_invite && (delegate === undefined || delegate !== last.subject_key)) {
    problems.push('the key to sign further invitations is not the one the last link names');
  }
  if (!payload.can_invite && (payload.delegate_key !== undefined || last.subject_key !== undefined)) {
    problems.push('an invitation without the right to invite carries a key to invite with');
  }
  return problems;
}

function publicKeyOfPem(pem: string): string | undefined {
  try {
    return nodeCrypto()
      .createPublicKey(nodeCrypto().createPrivateKey(pem))
      .export({ format: 'der', type: 'spki' })
      .toString('base64');
  } catch {
    return undefined;
  }
}

/** `2026-11-20 14:00 UTC` */
export function formatUtc(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
