import type { RootTrust } from './RootTrust.js';

/**
 * Why launches must be refused when no cws-tui profile is chosen; undefined when working in one's
 * own account without an institutional policy is allowed. Once this installation has accepted an
 * invitation, removing or un-choosing that profile must not leave a session with no policy at all;
 * nor when the machine allows only invited profiles, or what it trusts cannot be read.
 */
export function noProfileRefusal(trust: RootTrust): string | undefined {
  if (trust.personal_profiles === 'deny')
    return `launches are refused: ${trust.source} allows only invited profiles on this machine`;
  if (trust.unknown !== undefined)
    return `launches are refused: what this installation trusts cannot be read (${trust.unknown})`;
  const accepted = [...new Set(trust.accepted_profiles)];
  if (accepted.length === 0) return undefined;
  const names = accepted.map((name) => `'${name}'`).join(', ');
  const first = accepted[0] ?? '';
  return `launches are refused: this installation accepted an invitation (profile ${names}) and no profile is chosen; choose it with cws-tui profiles use ${first} (or --profile ${first}), or accept the invitation again if the profile was removed`;
}
