import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { shellQuote } from './shellQuote.js';

export const EFS_MOUNT_ATTEMPTS = 5;
const NFS_OPTIONS = 'nfsvers=4.1,rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2,noresvport';

/**
 * The EFS mount. amazon-efs-utils (the \`mount -t efs\` helper that TLS and access points need) is in
 * Amazon Linux's repositories only; on Ubuntu and Rocky it would have to be built from source at
 * boot (v2 needs a Rust toolchain: minutes), so the script uses the helper there only when the
 * image already has it and otherwise mounts the file system over plain NFS 4.1, where files carry
 * the user's fixed UID, and says so. A failed mount is retried, then reported; the workstation
 * still comes up without it.
 */
export function renderEfsSection(plan: ProvisioningPlan): string {
  const { efs, user, sharedGroup } = plan;
  if (!efs) return 'cws_mark efs\ncws_note "no EFS file system requested"\n';
  const target = shellQuote(efs.mountPoint);
  const efsOptions = `tls${efs.accessPointId ? `,accesspoint=${efs.accessPointId}` : ''}`;
  const nfsSource = `${efs.fileSystemId}.efs.${efs.region}.amazonaws.com:/`;
  const userDir = shellQuote(`${efs.mountPoint}/home/${user.name}`);
  const sharedDir = shellQuote(`${efs.mountPoint}/shared`);
  const lines = ['cws_mark efs'];
  if (efs.helper === 'installed') {
    lines.push(
      'cws_efs_type=efs',
      `cws_efs_source=${shellQuote(`${efs.fileSystemId}:/`)}`,
      `cws_efs_options=${shellQuote(efsOptions)}`,
    );
  } else {
    lines.push(
      'if command -v mount.efs >/dev/null 2>&1; then',
      '  cws_efs_type=efs',
      `  cws_efs_source=${shellQuote(`${efs.fileSystemId}:/`)}`,
      `  cws_efs_options=${shellQuote(efsOptions)}`,
      'else',
      '  cws_efs_type=nfs4',
      `  cws_efs_source=${shellQuote(nfsSource)}`,
      `  cws_efs_options=${shellQuote(NFS_OPTIONS)}`,
      `  cws_warn ${shellQuote(
        `nfs-fallback: amazon-efs-utils is not available on ${plan.distro}; mounting ${efs.fileSystemId} over NFS 4.1 without TLS${
          efs.accessPointId ? `, access point ${efs.accessPointId} not applied` : ''
        }; files carry UID ${user.uid}`,
      )}`,
      'fi',
    );
  }
  lines.push(
    `mkdir -p ${target}`,
    'cws_fstab_has() {',
    '  local _source mount _rest',
    '  [ -f /etc/fstab ] || return 1',
    '  while read -r _source mount _rest; do',
    '    [ "$mount" = "$1" ] && return 0',
    '  done </etc/fstab',
    '  return 1',
    '}',
    `if ! cws_fstab_has ${target}; then`,
    `  printf '%s %s %s %s 0 0\\n' "$cws_efs_source" ${target} "$cws_efs_type" "_netdev,nofail,$cws_efs_options" >>/etc/fstab`,
    'fi',
    'cws_efs_mounted=0',
    `if mountpoint -q ${target}; then`,
    '  cws_efs_mounted=1',
    `  cws_note ${shellQuote(`${efs.mountPoint} is already mounted`)}`,
    `elif cws_retry ${EFS_MOUNT_ATTEMPTS} mount -t "$cws_efs_type" -o "$cws_efs_options" "$cws_efs_source" ${target}; then`,
    '  cws_efs_mounted=1',
    `  cws_note "mounted $cws_efs_source on ${efs.mountPoint} ($cws_efs_type)"`,
    'else',
    `  cws_warn "mount of $cws_efs_source on ${efs.mountPoint} failed after ${EFS_MOUNT_ATTEMPTS} attempts; the workstation starts without EFS"`,
    '  cws_tag cws:efs-status mount-failed',
    'fi',
    'if [ "$cws_efs_mounted" = 1 ]; then',
    `  install -d -m 0700 -o ${user.uid} -g ${user.gid} ${userDir} || cws_warn ${shellQuote(`could not prepare ${efs.mountPoint}/home/${user.name}`)}`,
    `  install -d -m 2775 -o 0 -g ${sharedGroup.gid} ${sharedDir} || cws_warn ${shellQuote(`could not prepare ${efs.mountPoint}/shared`)}`,
    `  ln -sfn ${userDir} ${shellQuote(`${user.home}/efs`)}`,
    `  ln -sfn ${sharedDir} ${shellQuote(`${user.home}/shared`)}`,
    `  chown -h ${user.uid}:${user.gid} ${shellQuote(`${user.home}/efs`)} ${shellQuote(`${user.home}/shared`)}`,
    'fi',
  );
  return `${lines.join('\n')}\n`;
}
