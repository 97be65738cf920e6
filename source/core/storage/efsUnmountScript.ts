import { OperationError } from '../operations/OperationError.js';

const FILE_SYSTEM_ID = /^fs-[0-9a-f]{8,40}$/;

/**
 * Unmounts every mount of the file system that the boot script put in /etc/fstab (the root mount
 * and the user's access point over their directory; the source is `fs-…:/` with the EFS helper or
 * `fs-….efs.<region>.amazonaws.com:/` over NFS), deepest first, then drops those lines so a reboot
 * does not mount it again. The fstab is the list because with TLS the kernel shows the mount's
 * source as the local stunnel (127.0.0.1:/), not the file system. `lazy` detaches a busy mount
 * (`umount -l`) instead of refusing.
 */
export function efsUnmountScript(fileSystemId: string, lazy: boolean): string {
  if (!FILE_SYSTEM_ID.test(fileSystemId))
    throw new OperationError('invalid', `'${fileSystemId}' is not an EFS file system id (fs-...)`);
  const umount = lazy ? 'umount -l' : 'umount';
  return `# cws-tui:efs-unmount ${fileSystemId}
set -uo pipefail
points=$(awk '$1 ~ /^${fileSystemId}[:.]/ { print $2 }' /etc/fstab | sort -r)
if [ -z "$points" ]; then echo "${fileSystemId} is not in /etc/fstab: nothing to unmount"; exit 0; fi
for point in $points; do
  if mountpoint -q "$point"; then
    ${umount} "$point" || { echo "$point is busy: close what uses it (fuser -vm $point), or add --force" >&2; exit 5; }
  fi
done
cp -p /etc/fstab /etc/fstab.cws-bak
sed -i '\\#^${fileSystemId}[:.]#d' /etc/fstab
echo "unmounted ${fileSystemId} from" $points
`;
}
