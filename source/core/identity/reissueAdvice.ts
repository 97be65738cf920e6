import { type PolicyChainLink, signsTerms } from './policyChain.js';
import { publicKeyFingerprint } from './signingKey.js';

/**
 * When an invitation chain comes from a cws-tui older than signed budgets and the right to invite
 * (links without `can_invite`), what it cannot do any more and how to get one that can: such a
 * chain cannot vouch for a budget nor be extended, and only a new invitation from its root fixes
 * that. Undefined for a chain of current links (or none).
 */
export function reissueAdvice(chain: readonly PolicyChainLink[], profileName: string): string | undefined {
  const root = chain[0];
  if (!root || chain.every(signsTerms)) return undefined;
  return `this invitation was issued by an older cws-tui (before budgets and the right to invite were signed) and must be re-issued: ask ${root.issuer} (root key ${publicKeyFingerprint(root.issuer_key)}) to run cws-tui invite create for you again, then replace the profile: cws-tui profiles delete ${profileName} and cws-tui invite accept <token> (your research user and its keys are reused)`;
}
