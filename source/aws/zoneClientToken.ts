/** EC2's ClientToken limit. */
const CLIENT_TOKEN_MAX = 64;

/** A distinct token per zone attempt: a token is bound to the parameters of its first request. */
export function zoneClientToken(token: string, zone: string): string {
  return `${token.slice(0, CLIENT_TOKEN_MAX - zone.length - 1)}-${zone}`;
}
