import type { PlannedFsxMount } from './ProvisioningPlan.js';
import type { ScriptValueChecks } from './ScriptValueChecks.js';
import type { FsxMountRequest } from './UserDataInput.js';

export const DEFAULT_FSX_MOUNT_POINT = '/fsx';

/** The FSx mount's values, each through its whitelist before it reaches the script. */
export function planFsxMount(fsx: FsxMountRequest, checks: ScriptValueChecks): PlannedFsxMount {
  return {
    fileSystemId: checks.safe('fsx.file_system_id', fsx.file_system_id, 'fileSystemId'),
    type: fsx.type,
    dnsName: checks.safe('fsx.dns_name', fsx.dns_name, 'fsxDnsName'),
    ...(fsx.type === 'lustre'
      ? { mountName: checks.safe('fsx.mount_name', fsx.mount_name ?? '', 'lustreMountName') }
      : {}),
    mountPoint: checks.safe('fsx.mount_point', fsx.mount_point ?? DEFAULT_FSX_MOUNT_POINT, 'absolutePath'),
  };
}
