/** What was being called when an error happened: used to say which permission or region is at stake. */
export interface AwsCallContext {
  /** The IAM action, e.g. `ec2:RunInstances`. */
  action: string;
  region?: string;
  /** The AWS profile in use, for the log-in hint. */
  profile?: string;
}
