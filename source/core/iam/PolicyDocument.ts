/** An IAM policy document as the app writes it (identity, inline or trust policy). */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export type ConditionBlock = Record<string, Record<string, string | string[]>>;

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  /** Trust policies only. */
  Principal?: '*' | Record<string, string | string[]>;
  Condition?: ConditionBlock;
}

/** The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`), defaulting to the commercial one. */
export function partitionOf(arn: string | undefined): string {
  const partition = arn?.split(':')[1];
  return partition?.startsWith('aws') ? partition : 'aws';
}
