import {
  DescribeLifecycleConfigurationCommand,
  type LifecyclePolicy,
  PutLifecycleConfigurationCommand,
  type TransitionToIARules,
} from '@aws-sdk/client-efs';
import { EFS_IA_DAYS, type EfsIaDays } from '../core/ports.js';
import { callAws } from './callAws.js';
import type { EfsCallOptions } from './efsMountTargets.js';

const IA_RULE: Record<EfsIaDays, TransitionToIARules> = {
  1: 'AFTER_1_DAY',
  7: 'AFTER_7_DAYS',
  14: 'AFTER_14_DAYS',
  30: 'AFTER_30_DAYS',
  60: 'AFTER_60_DAYS',
  90: 'AFTER_90_DAYS',
  180: 'AFTER_180_DAYS',
  270: 'AFTER_270_DAYS',
  365: 'AFTER_365_DAYS',
};

/** The days after which EFS moves unread files to Infrequent Access; undefined when it never does. */
export async function describeEfsIaDays(
  options: EfsCallOptions,
  fileSystemId: string,
): Promise<EfsIaDays | undefined> {
  const described = await callAws(
    options.context('elasticfilesystem:DescribeLifecycleConfiguration', options.region),
    () => options.efs.send(new DescribeLifecycleConfigurationCommand({ FileSystemId: fileSystemId })),
  );
  const rule = described.LifecyclePolicies?.find((policy) => policy.TransitionToIA)?.TransitionToIA;
  const days = EFS_IA_DAYS.find((candidate) => IA_RULE[candidate] === rule);
  return days;
}

/**
 * Moves files unread for `days` to Infrequent Access, and back to Standard on their first read (so a
 * file in use is not charged IA's per-GB reads twice). The whole configuration is replaced, as
 * PutLifecycleConfiguration does; an archive rule the file system had is kept.
 */
export async function putEfsIaDays(
  options: EfsCallOptions,
  fileSystemId: string,
  days: EfsIaDays,
): Promise<void> {
  const context = options.context('elasticfilesystem:PutLifecycleConfiguration', options.region);
  const current = await callAws(
    options.context('elasticfilesystem:DescribeLifecycleConfiguration', options.region),
    () => options.efs.send(new DescribeLifecycleConfigurationCommand({ FileSystemId: fileSystemId })),
  );
  const archive = (current.LifecyclePolicies ?? []).filter((policy) => policy.TransitionToArchive);
  const policies: LifecyclePolicy[] = [
    { TransitionToIA: IA_RULE[days] },
    { TransitionToPrimaryStorageClass: 'AFTER_1_ACCESS' },
    ...archive,
  ];
  await callAws(context, () =>
    options.efs.send(
      new PutLifecycleConfigurationCommand({ FileSystemId: fileSystemId, LifecyclePolicies: policies }),
    ),
  );
}
