/** What to do when the session's credentials expired or were refused. */
export function loginHint(profile: string | undefined): string {
  const sso = profile ? `aws sso login --profile ${profile}` : 'aws sso login';
  return `Log in again (\`${sso}\` for an SSO profile) or refresh the credentials in your environment, then retry.`;
}
