/** The names of the rules a verdict can cite: the policy keys, with `.allow`/`.deny` for glob rules. */
export type PolicyRuleName = string;

/** One rule the request breaks. */
export interface PolicyViolation {
  rule: PolicyRuleName;
  /** What the policy asks for, as a short text (e.g. `<= 16`, `one of t3.*, m7i.large`). */
  expected: string;
  /** What the request has, or `unknown` when the fact needed to check the rule is missing. */
  actual: string;
  /** A sentence for a person. */
  message: string;
  /** True when the rule denies because a fact was missing, not because the fact breaks it. */
  unverified: boolean;
}

/** A change that would make the request pass the rule it names. */
export interface PolicySuggestion {
  rule: PolicyRuleName;
  message: string;
  /** Set when the suggestion is another instance type. */
  instance_type?: string;
}

export interface PolicyVerdict {
  allowed: boolean;
  violations: PolicyViolation[];
  suggestions: PolicySuggestion[];
  /** The rules the policy has and that were checked, in evaluation order. */
  checked: PolicyRuleName[];
  /** Remarks that are not violations, e.g. that the policy is empty and so allows everything. */
  notes: string[];
}
