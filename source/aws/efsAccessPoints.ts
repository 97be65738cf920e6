import { CreateAccessPointCommand, paginateDescribeAccessPoints } from '@aws-sdk/client-efs';
import { CloudError } from '../core/CloudError.js';
import { type AccessPoint, type ResourceTags, TAG } from '../core/ports.js';
import { callAws } from './callAws.js';
import { toAccessPoint } from './efsDescriptions.js';
import type { EfsCallOptions } from './efsMountTargets.js';
import { toTagList } from './tagList.js';

/** EFS limits client tokens to 64 characters. */
const TOKEN_MAX = 64;

export interface EfsAccessPointUser {
  username: string;
  uid: number;
  gid: number;
}

export async function listEfsAccessPoints(
  options: EfsCallOptions,
  fileSystemId: string,
): Promise<AccessPoint[]> {
  return callAws(options.context('elasticfilesystem:DescribeAccessPoints', options.region), async () => {
    const found: AccessPoint[] = [];
    const pages = paginateDescribeAccessPoints({ client: options.efs }, { FileSystemId: fileSystemId });
    for await (const page of pages) {
      for (const description of page.AccessPoints ?? []) found.push(toAccessPoint(description));
    }
    return found;
  });
}

/** The user's access point, found by tag; one with another UID or GID would hand their files to someone else. */
async function findAccessPoint(
  options: EfsCallOptions,
  fileSystemId: string,
  user: EfsAccessPointUser,
): Promise<AccessPoint | undefined> {
  const found = (await listEfsAccessPoints(options, fileSystemId)).find(
    (point) => point.tags[TAG.researchUser] === user.username,
  );
  if (found && (found.uid !== user.uid || found.gid !== user.gid)) {
    throw new CloudError({
      kind: 'conflict',
      code: 'AccessPointIdentityMismatch',
      message: `The access point ${found.id} for ${user.username} on ${fileSystemId} uses UID ${found.uid}/GID ${found.gid}, but ${user.username} is ${user.uid}/${user.gid}.`,
      hint: `Give ${user.username} back UID ${found.uid} and GID ${found.gid}, or delete the access point (its files keep their owner).`,
    });
  }
  return found;
}

/** One access point per research user, rooted at `/home/<user>` with their POSIX identity (idempotent). */
export async function ensureEfsAccessPoint(
  options: EfsCallOptions,
  fileSystemId: string,
  user: EfsAccessPointUser,
  tags: ResourceTags,
): Promise<AccessPoint> {
  const existing = await findAccessPoint(options, fileSystemId, user);
  if (existing) return existing;
  try {
    const created = await callAws(
      options.context('elasticfilesystem:CreateAccessPoint', options.region),
      () =>
        options.efs.send(
          new CreateAccessPointCommand({
            ClientToken: `cws-${user.username}-${fileSystemId}`.slice(0, TOKEN_MAX),
            FileSystemId: fileSystemId,
            PosixUser: { Uid: user.uid, Gid: user.gid },
            RootDirectory: {
              Path: `/home/${user.username}`,
              CreationInfo: { OwnerUid: user.uid, OwnerGid: user.gid, Permissions: '0750' },
            },
            Tags: toTagList({
              ...tags,
              [TAG.managed]: 'true',
              [TAG.researchUser]: user.username,
              [TAG.name]: `${user.username}@${fileSystemId}`,
            }),
          }),
        ),
    );
    return toAccessPoint(created);
  } catch (error) {
    if (!(error instanceof CloudError && error.code === 'AccessPointAlreadyExists')) throw error;
  }
  const raced = await findAccessPoint(options, fileSystemId, user);
  if (raced) return raced;
  throw new CloudError({
    kind: 'conflict',
    code: 'AccessPointAlreadyExists',
    message: `The access point for ${user.username} on ${fileSystemId} is being created.`,
    hint: 'Retry in a moment.',
    retryable: true,
  });
}
