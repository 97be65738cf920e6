/** The FSx file system a workstation mounts (set at launch with --fsx), as EFS's is `cws:efs`. */
export const FSX_MOUNT_TAG = 'cws:fsx';
/** Set on the workstation by its boot script when the FSx mount failed (the marker's reason). */
export const FSX_STATUS_TAG = 'cws:fsx-status';
