/** A sign-in, refresh or revocation refused, with the reason in words a researcher can act on. */
export class GlobusAuthError extends Error {
  override name = 'GlobusAuthError';
}
