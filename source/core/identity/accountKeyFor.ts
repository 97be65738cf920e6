/**
 * The name a profile's AWS account goes by in the research user store: the account id when it is
 * known, otherwise the AWS profile name (one AWS profile is one account in practice).
 */
export function accountKeyFor(profile: { aws_account_id?: string; aws_profile: string }): string {
  return profile.aws_account_id ?? `aws-profile:${profile.aws_profile}`;
}
