/**
 * What a launch claims in the lab's team store right before RunInstances: the profile's live name
 * and a running lease of the research user. Claimed last, so that a launch refused by any earlier
 * check holds nothing.
 */
export interface LaunchClaim {
  launch_id: string;
  name: string;
  profile: string;
  research_user: string;
  owner: string;
  /** An admin overrode the policy: the lease is recorded but the cap does not refuse it. */
  overridden: boolean;
}

/** Gives the claim back (RunInstances failed); a no-op for what is no longer held. */
export type ReleaseLaunchClaim = () => Promise<void>;
