import type { Volume } from '../ports.js';
import type { FsxFileSystem } from './FsxFileSystem.js';

/** What is being benchmarked, named the way the advisor names storage options. */
export interface BenchTarget {
  id: string;
  /** The advisor's option name, e.g. "FSx Lustre scratch" or "EBS gp3". */
  storage_type: string;
  /** A plain token for the remote script, e.g. lustre-scratch2 or ebs-gp3. */
  kind: string;
  capacity_gib: number;
  /** Where launch and `volumes attach` mount it unless told otherwise. */
  default_directory: string;
}

export function fsxBenchTarget(fs: FsxFileSystem): BenchTarget {
  const storageType =
    fs.type === 'openzfs'
      ? 'FSx OpenZFS'
      : fs.deployment === 'scratch2'
        ? 'FSx Lustre scratch'
        : 'FSx Lustre persistent SSD';
  return {
    id: fs.id,
    storage_type: storageType,
    kind: fs.type === 'openzfs' ? 'openzfs' : `lustre-${fs.deployment}`,
    capacity_gib: fs.capacity_gib,
    default_directory: '/fsx',
  };
}

export function volumeBenchTarget(volume: Volume): BenchTarget {
  const type = volume.type.replace(/[^a-z0-9]/gi, '').toLowerCase();
  return {
    id: volume.id,
    storage_type: `EBS ${type}`,
    kind: `ebs-${type}`,
    capacity_gib: volume.size_gb,
    default_directory: '/data',
  };
}
