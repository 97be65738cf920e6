/**
 * Tags only the AWS adapter writes: facts about an instance that DescribeInstances does not return
 * without a second, per-volume call, so they are recorded at launch instead.
 */
export const EC2_TAG = {
  rootVolumeGb: 'cws:root-volume-gb',
  rootVolumeType: 'cws:root-volume-type',
} as const;
