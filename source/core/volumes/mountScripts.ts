import { usernameProblem } from '../identity/usernameProblem.js';
import { OperationError } from '../operations/OperationError.js';

/** An absolute path of plain segments: nothing a shell or fstab would read differently. */
const MOUNT_POINT = /^\/(?:[A-Za-z0-9._-]+\/)*[A-Za-z0-9._-]+$/;
const RESERVED = new Set([
  '/',
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/home',
  '/lib',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/sys',
  '/tmp',
  '/usr',
  '/var',
]);

export function requireMountPoint(path: string): string {
  if (!MOUNT_POINT.test(path) || path.split('/').includes('..') || RESERVED.has(path)) {
    throw new OperationError(
      'invalid',
      `'${path}' cannot be a mount point`,
      'Use an absolute path of its own, such as /data or /scratch.',
    );
  }
  return path;
}

/**
 * Mounts a newly attached EBS volume: waits for its device (NVMe on Nitro types, found by the
 * volume id in its serial; the attach name on Xen), makes an XFS file system only when it has
 * none (a volume restored from a snapshot keeps its data), mounts it with an fstab entry by UUID
 * (`nofail`, so a boot without it still succeeds) and gives a new file system to the research user.
 */
export function mountVolumeScript(options: {
  volume_id: string;
  device: string;
  mount_point: string;
  owner: string;
}): string {
  const mountPoint = requireMountPoint(options.mount_point);
  if (usernameProblem(options.owner) && options.owner !== 'root')
    throw new OperationError('invalid', `cannot give the volume to '${options.owner}'`);
  if (!/^vol-[0-9a-f]+$/.test(options.volume_id) || !/^\/dev\/[a-z0-9]+$/.test(options.device)) {
    throw new OperationError('invalid', `unexpected volume ${options.volume_id} or device ${options.device}`);
  }
  const serial = options.volume_id.replace('-', '');
  const xvd = options.device.replace('/dev/sd', '/dev/xvd');
  return `# cws-tui:mount ${options.volume_id} ${mountPoint}
set -euo pipefail
dev=""
for _ in $(seq 1 60); do
  for candidate in /dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_${serial} ${options.device} ${xvd}; do
    if [ -b "$candidate" ]; then dev=$(readlink -f "$candidate"); break 2; fi
  done
  sleep 2
done
if [ -z "$dev" ]; then echo "the volume ${options.volume_id} did not appear as a device" >&2; exit 4; fi
fresh=0
if [ -z "$(blkid -o value -s TYPE "$dev" || true)" ]; then mkfs.xfs -q "$dev"; fresh=1; fi
uuid=$(blkid -o value -s UUID "$dev")
mkdir -p ${mountPoint}
grep -q "UUID=$uuid " /etc/fstab || echo "UUID=$uuid ${mountPoint} xfs defaults,nofail 0 2" >> /etc/fstab
mountpoint -q ${mountPoint} || mount ${mountPoint}
if [ "$fresh" = 1 ]; then chown ${options.owner}: ${mountPoint}; fi
echo "mounted ${options.volume_id} ($dev) at ${mountPoint}"
`;
}

/** Unmounts the volume mounted from this device (found by its serial) and drops its fstab line. */
export function unmountVolumeScript(volumeId: string): string {
  if (!/^vol-[0-9a-f]+$/.test(volumeId)) throw new OperationError('invalid', `unexpected volume ${volumeId}`);
  const serial = volumeId.replace('-', '');
  return `# cws-tui:unmount ${volumeId}
set -uo pipefail
link=/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_${serial}
if [ ! -e "$link" ]; then echo "${volumeId} is not visible here: nothing to unmount"; exit 0; fi
dev=$(readlink -f "$link")
uuid=$(blkid -o value -s UUID "$dev" || true)
target=$(findmnt -n -o TARGET --source "$dev" || true)
if [ -n "$target" ]; then umount "$target" || { echo "$target is busy: close what uses it, or detach with --force" >&2; exit 5; }; fi
if [ -n "$uuid" ]; then sed -i "\\#^UUID=$uuid #d" /etc/fstab; fi
echo "unmounted ${volumeId}\${target:+ from $target}"
`;
}
