import { LaunchError } from '../launch/LaunchError.js';
import type { CloudAccount } from '../ports.js';
import type { FsxMountRequest } from '../provisioning/UserDataInput.js';

/**
 * The FSx file system a launch mounts: it must exist in the launch's region and be available (a
 * creating one has no DNS name to mount yet). It sits in the workstations' security group, so the
 * instance reaches it without another rule.
 */
export async function prepareFsxMount(
  account: CloudAccount,
  region: string,
  id: string,
): Promise<FsxMountRequest> {
  const found = await account.fsx.findFileSystem(region, id);
  if (!found) {
    throw new LaunchError(
      'prepare-network',
      `the FSx file system ${id} does not exist in ${region}`,
      'See cws-tui storage list, or create one with cws-tui storage create <name> --type lustre|openzfs.',
    );
  }
  if (found.state !== 'available') {
    throw new LaunchError(
      'prepare-network',
      `the FSx file system ${id} is ${found.state}, not available`,
      'Wait until cws-tui storage list shows it available, then launch again.',
    );
  }
  return {
    file_system_id: found.id,
    type: found.type,
    dns_name: found.dns_name,
    ...(found.mount_name ? { mount_name: found.mount_name } : {}),
  };
}
