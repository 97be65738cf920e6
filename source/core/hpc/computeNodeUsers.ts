import type { ParallelClusterConfig } from './parallelClusterConfigSchema.js';

/** A research user as compute nodes need them: the same name and UID as on the head node. */
export interface ClusterUser {
  name: string;
  uid: number;
}

/**
 * The OnNodeConfigured script of every compute queue: creates the research users with their UIDs
 * after ParallelCluster's own bootstrap, so jobs that look users up by name (getpwnam, `id`, MPI
 * launchers) work on compute nodes too. /home is the head node's, shared by ParallelCluster, so no
 * home is made here. Users come as `name:uid` arguments, so one uploaded script serves every cluster.
 * A name taken with another UID fails the node's bootstrap: files on shared storage would otherwise
 * change owners.
 */
export const COMPUTE_NODE_USERS_SCRIPT = `#!/bin/bash
# cws-tui: research users on a ParallelCluster compute node (OnNodeConfigured).
set -euo pipefail
for pair in "$@"; do
  name="\${pair%%:*}"
  uid="\${pair##*:}"
  if ! [[ "$name" =~ ^[a-z_][a-z0-9_-]{0,31}$ && "$uid" =~ ^[0-9]+$ ]]; then
    echo "cws-tui: refusing malformed user argument '$pair'" >&2
    exit 1
  fi
  if existing=$(id -u "$name" 2>/dev/null); then
    if [ "$existing" != "$uid" ]; then
      echo "cws-tui: $name has UID $existing here, not $uid" >&2
      exit 1
    fi
    continue
  fi
  useradd --uid "$uid" --no-create-home --home-dir "/home/$name" --shell /bin/bash "$name"
done
`;

/** Where the script is stored: an S3 object the compute nodes may read (their queue's S3Access). */
export interface ScriptLocation {
  bucket: string;
  key: string;
}

/** The config with the users' OnNodeConfigured action (and read access to its script) on every queue. */
export function withComputeNodeUsers(
  config: ParallelClusterConfig,
  users: readonly ClusterUser[],
  script: ScriptLocation,
): ParallelClusterConfig {
  if (users.length === 0) return config;
  const args = users.map((user) => `${user.name}:${user.uid}`);
  return {
    ...config,
    Scheduling: {
      ...config.Scheduling,
      SlurmQueues: config.Scheduling.SlurmQueues.map((queue) => ({
        ...queue,
        CustomActions: {
          OnNodeConfigured: { Script: `s3://${script.bucket}/${script.key}`, Args: args },
        },
        Iam: {
          S3Access: [{ BucketName: script.bucket, KeyName: script.key, EnableWriteAccess: false }],
        },
      })),
    },
  };
}
