import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { shellQuote } from './shellQuote.js';

export const EFS_MOUNT_ATTEMPTS = 5;
const NFS_OPTIONS = 'nfsvers=4.1,rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2,noresvport';

/** Mounts once (fstab entry with _netdev first), retrying; reports a failure and returns 1. */
const MOUNT_FUNCTION = `cws_fstab_has() {
  local _source mount _rest
  [ -f /etc/fstab ] || return 1
  while read -r _source mount _rest; do
    [ "$mount" = "$1" ] && return 0
  done </etc/fstab
  return 1
}
cws_efs_mount() {
  local target=$1 type=$2 source=$3 options=$4
  mkdir -p "$target"
  if ! cws_fstab_has "$target"; then
    printf '%s %s %s %s 0 0\\n' "$source" "$target" "$type" "_netdev,nofail,$options" >>/etc/fstab
  fi
  if mountpoint -q "$target"; then
    cws_note "$target is already mounted"
    return 0
  fi
  if cws_retry ${EFS_MOUNT_ATTEMPTS} mount -t "$type" -o "$options" "$source" "$target"; then
    cws_note "mounted $source on $target ($type)"
    return 0
  fi
  cws_warn "mount of $source on $target failed after ${EFS_MOUNT_ATTEMPTS} attempts; the workstation starts without it"
  cws_tag cws:efs-status mount-failed
  return 1
}`;

/**
 * The EFS mount. amazon-efs-utils (the \`mount -t efs\` helper that TLS and access points need) is in
 * Amazon Linux's repositories only; on Ubuntu and Rocky it would have to be built from source at
 * boot (v2 needs a Rust toolchain: minutes), so the script uses the helper there only when the
 * image already has it and otherwise mounts over plain NFS 4.1, where files carry the user's fixed
 * UID, and says so. The file system's root goes on the mount point, with \`home/<user>\` and a
 * setgid \`shared\` directory on it; with the helper, the user's access point (rooted at
 * \`/home/<user>\`) is mounted over their directory, so what they write there carries their
 * identity whatever the client. A failed mount is retried, then reported; the workstation still
 * comes up without it.
 */
export function renderEfsSection(plan: ProvisioningPlan): string {
  const { efs, user, sharedGroup } = plan;
  if (!efs) return 'cws_note "no EFS file system requested"\n';
  const root = shellQuote(efs.mountPoint);
  const homes = shellQuote(`${efs.mountPoint}/home`);
  const userDir = shellQuote(`${efs.mountPoint}/home/${user.name}`);
  const sharedDir = shellQuote(`${efs.mountPoint}/shared`);
  const helperSource = shellQuote(`${efs.fileSystemId}:/`);
  const helperLines = ['cws_efs_type=efs', `cws_efs_source=${helperSource}`, "cws_efs_options='tls'"];
  const lines = [MOUNT_FUNCTION];
  if (efs.helper === 'installed') {
    lines.push(...helperLines);
  } else {
    const fallback = `nfs-fallback: amazon-efs-utils is not available on ${plan.distro}; mounting ${efs.fileSystemId} over NFS 4.1 without TLS${
      efs.accessPointId ? `, access point ${efs.accessPointId} not applied` : ''
    }; files carry UID ${user.uid}`;
    lines.push(
      'if command -v mount.efs >/dev/null 2>&1; then',
      ...helperLines.map((line) => `  ${line}`),
      'else',
      '  cws_efs_type=nfs4',
      `  cws_efs_source=${shellQuote(`${efs.fileSystemId}.efs.${efs.region}.amazonaws.com:/`)}`,
      `  cws_efs_options=${shellQuote(NFS_OPTIONS)}`,
      `  cws_warn ${shellQuote(fallback)}`,
      'fi',
    );
  }
  const failed = (what: string) => `|| cws_warn ${shellQuote(`could not prepare ${what}`)}`;
  lines.push(
    `if cws_efs_mount ${root} "$cws_efs_type" "$cws_efs_source" "$cws_efs_options"; then`,
    `  install -d -m 0755 -o 0 -g 0 ${homes} ${failed(`${efs.mountPoint}/home`)}`,
    `  install -d -m 0750 -o ${user.uid} -g ${user.gid} ${userDir} ${failed(`${efs.mountPoint}/home/${user.name}`)}`,
    `  install -d -m 2775 -o 0 -g ${sharedGroup.gid} ${sharedDir} ${failed(`${efs.mountPoint}/shared`)}`,
  );
  if (efs.accessPointId) {
    lines.push(
      '  if [ "$cws_efs_type" = efs ]; then',
      `    cws_efs_mount ${userDir} efs ${helperSource} ${shellQuote(`tls,accesspoint=${efs.accessPointId}`)} || true`,
      '  fi',
    );
  }
  lines.push(
    `  ln -sfn ${userDir} ${shellQuote(`${user.home}/efs`)}`,
    `  ln -sfn ${sharedDir} ${shellQuote(`${user.home}/shared`)}`,
    `  chown -h ${user.uid}:${user.gid} ${shellQuote(`${user.home}/efs`)} ${shellQuote(`${user.home}/shared`)}`,
    'fi',
  );
  return `${lines.join('\n')}\n`;
}
