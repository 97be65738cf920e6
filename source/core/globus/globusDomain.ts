const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** `--idp-domain uni.edu`: a DNS name, lower-cased; undefined with the reason when it is not one. */
export function normalizeIdpDomain(text: string): { domain: string } | { problem: string } {
  const domain = text.trim().toLowerCase().replace(/^@/, '');
  return DOMAIN.test(domain) ? { domain } : { problem: `'${text}' is not a domain name like uni.edu` };
}

/** The domain of a Globus username (`jdoe@uni.edu`): where the identity provider vouches for it. */
export function globusUsernameDomain(username: string): string | undefined {
  const at = username.lastIndexOf('@');
  return at > 0 ? username.slice(at + 1).toLowerCase() : undefined;
}

/** The domain itself or one of its subdomains (`cs.uni.edu` is under `uni.edu`). */
export function isUnderDomain(candidate: string, domain: string): boolean {
  return candidate === domain || candidate.endsWith(`.${domain}`);
}

/**
 * Why an identity may not accept an invitation limited to `domain`, or undefined when it may: the
 * identity that signed in must be one from that domain (a linked identity does not stand in for it).
 */
export function identityDomainProblem(identity: { username: string }, domain: string): string | undefined {
  const own = globusUsernameDomain(identity.username);
  if (own !== undefined && isUnderDomain(own, domain)) return undefined;
  return `the Globus identity ${identity.username} is not from ${domain}, which this invitation requires: sign in to Globus with your ${domain} identity`;
}
