import type { Profile } from '../../core/config/profileSchema.js';
import { formatUtc } from '../../core/identity/invitationToken.js';
import { publicKeyFingerprint } from '../../core/identity/signingKey.js';
import { verifyProfilePolicy } from '../../core/identity/verifyProfilePolicy.js';
import { describePolicy } from '../../core/policy/describePolicy.js';
import type { Policy } from '../../core/policy/policySchema.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

/** One line of the policy viewer, already safe to draw. */
export interface PolicyLine {
  text: string;
  tone?: 'heading' | 'muted' | 'danger' | 'success';
}

/** A line with its position in its list: a stable React key for a list that only ever changes whole. */
export interface NumberedLine extends PolicyLine {
  number: number;
}

export function numberLines(lines: readonly PolicyLine[]): NumberedLine[] {
  return lines.map((line, number) => ({ ...line, number }));
}

/**
 * The restrictions in force and the invitation chain they come from, root first, with whether the
 * chain holds: what `policy show` prints, as lines to scroll.
 */
export function policyLines(
  policy: Policy,
  profileName: string,
  profile: Profile | undefined,
  /** What verifying the profile against its signed chain found (hand edits of the config file). */
  verification: readonly string[] = [],
): PolicyLine[] {
  const safe = sanitizeForTerminal;
  const rules = describePolicy(policy);
  const lines: PolicyLine[] = [
    {
      text: `Restrictions of profile ${safe(profileName)}${profile ? ` (${profile.kind}, ${profile.role})` : ''}`,
      tone: 'heading',
    },
    ...rules.map((rule) => ({ text: `  ${safe(rule)}` })),
  ];
  if (!profile) {
    lines.push({ text: '  No cws-tui profile: nothing was handed down.', tone: 'muted' });
    return lines;
  }
  if (profile.policy_chain.length === 0) {
    lines.push({ text: '  A personal profile: its policy was not handed down by anyone.', tone: 'muted' });
    return lines;
  }
  lines.push({ text: '' }, { text: 'Handed down by (root first)', tone: 'heading' });
  profile.policy_chain.forEach((link, index) => {
    lines.push({
      text: `  ${index + 1}. ${safe(link.issuer)}  ${safe(publicKeyFingerprint(link.issuer_key))}  ${safe(formatUtc(link.issued_at))}`,
    });
    for (const rule of describePolicy(link.policy))
      lines.push({ text: `       ${safe(rule)}`, tone: 'muted' });
  });
  const problems = verifyProfilePolicy(profile);
  if (problems.length === 0) {
    lines.push({
      text: '  The chain is intact: every link is signed and only narrows the one before.',
      tone: 'success',
    });
  } else {
    lines.push({ text: '  The chain is NOT valid:', tone: 'danger' });
    for (const problem of problems) lines.push({ text: `    ${safe(problem)}`, tone: 'danger' });
  }
  for (const problem of verification) lines.push({ text: `  ${safe(problem)}`, tone: 'danger' });
  return lines;
}
