import type { Profile } from '../config/profileSchema.js';
import { canonicalJson } from './canonicalJson.js';
import { verifyPolicyChain } from './policyChain.js';

/**
 * Problems with an invited profile's policy: a broken chain, or a policy that is not the one the
 * last link signed (the config file was edited by hand). A personal profile has no chain: none.
 */
export function verifyProfilePolicy(profile: Pick<Profile, 'policy' | 'policy_chain'>): string[] {
  const problems = verifyPolicyChain(profile.policy_chain);
  const last = profile.policy_chain[profile.policy_chain.length - 1];
  if (last && canonicalJson(last.policy) !== canonicalJson(profile.policy)) {
    problems.push(
      "the profile's policy is not the one its invitation signed; the config file was changed by hand",
    );
  }
  return problems;
}
