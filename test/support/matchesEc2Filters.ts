import type { EC2Client, Filter, Tag } from '@aws-sdk/client-ec2';
import type { AwsClientStub } from 'aws-sdk-client-mock';

export type Ec2Stub = AwsClientStub<EC2Client>;

/** Whether a resource's tags and fields match EC2 describe filters (the names the app uses). */
export function matchesEc2Filters(
  filters: Filter[] | undefined,
  tags: Tag[] | undefined,
  fields: Record<string, string[]>,
) {
  return (filters ?? []).every((filter) => {
    const values = filter.Values ?? [];
    const have = filter.Name?.startsWith('tag:')
      ? (tags ?? []).filter((tag) => tag.Key === filter.Name?.slice(4)).map((tag) => tag.Value ?? '')
      : (fields[filter.Name ?? ''] ?? []);
    return have.some((value) => values.includes(value));
  });
}
