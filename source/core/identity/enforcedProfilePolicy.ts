import type { Profile } from '../config/profileSchema.js';
import type { Policy } from '../policy/policySchema.js';
import { verifyPolicyChain } from './policyChain.js';
import { verifyProfilePolicy } from './verifyProfilePolicy.js';

/** Refuses every launch: what an invited profile gets when nothing it holds can be trusted. */
const REFUSE_EVERYTHING: Policy = { templates: { deny: ['*'] } };

/**
 * The policy a profile is held to. An invited profile's policy is the one its invitation chain
 * signed: a hand edit of the config file is reported and does not widen what may be launched; a
 * chain that does not verify refuses every launch until the invitation is accepted again.
 */
export function enforcedProfilePolicy(profile: Profile): { policy: Policy; problems: string[] } {
  if (profile.kind !== 'invited') return { policy: profile.policy, problems: [] };
  const problems = verifyProfilePolicy(profile);
  if (problems.length === 0) return { policy: profile.policy, problems };
  const signed = profile.policy_chain.at(-1)?.policy;
  if (signed && verifyPolicyChain(profile.policy_chain).length === 0) return { policy: signed, problems };
  return {
    policy: REFUSE_EVERYTHING,
    problems: [...problems, 'launches are refused until the invitation is accepted again'],
  };
}
