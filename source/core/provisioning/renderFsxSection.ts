import type { PlannedFsxMount, ProvisioningPlan } from './ProvisioningPlan.js';
import { STATE_DIR } from './renderPrelude.js';
import { shellQuote } from './shellQuote.js';

const MOUNT_ATTEMPTS = 5;
const NFS_OPTIONS = 'rsize=1048576,wsize=1048576,hard,timeo=600,retrans=2';
const KEYS = 'https://fsx-lustre-client-repo-public-keys.s3.amazonaws.com';
const REPO = 'https://fsx-lustre-client-repo.s3.amazonaws.com';
/** Written when the workstation came up without its FSx mount, with why (read by `cws-tui logs`). */
export const FSX_UNAVAILABLE_MARKER = `${STATE_DIR}/fsx-unavailable`;

/** Mounts once (fstab entry, nofail, after the network), retrying; a failure is reported, not fatal. */
const FUNCTIONS = `cws_fsx_unavailable() {
  cws_warn "fsx-unavailable: $1"
  cws_tag cws:fsx-status "$2"
  mkdir -p ${STATE_DIR}
  printf '%s\\n' "$1" >${FSX_UNAVAILABLE_MARKER}
}
# cws_fsx_mount TARGET TYPE SOURCE OPTIONS [FALLBACK-OPTIONS]: the options that mounted go in the fstab.
cws_fsx_mount() {
  local target=$1 type=$2 source=$3 options=$4 fallback=\${5:-} entry
  mkdir -p "$target"
  if mountpoint -q "$target"; then
    cws_note "$target is already mounted"
    return 0
  fi
  if ! cws_retry ${MOUNT_ATTEMPTS} mount -t "$type" -o "$options" "$source" "$target"; then
    if [ -z "$fallback" ] || ! cws_retry ${MOUNT_ATTEMPTS} mount -t "$type" -o "$fallback" "$source" "$target"; then
      cws_fsx_unavailable "mount of $source on $target failed after ${MOUNT_ATTEMPTS} attempts; the workstation starts without it" mount-failed
      return 1
    fi
    options=$fallback
  fi
  entry="$source $target $type _netdev,nofail,$options 0 0"
  grep -qxF "$entry" /etc/fstab 2>/dev/null || printf '%s\\n' "$entry" >>/etc/fstab
  cws_note "mounted $source on $target ($type)"
}`;

/**
 * The Lustre client for the running kernel. Amazon Linux 2023 packages it; Ubuntu and Rocky get it
 * from AWS's Lustre client repositories, which build it for some kernels only: without a build for
 * this one the boot goes on without the mount and says so (a CWS-WARN fsx-unavailable marker, the
 * cws:fsx-status tag and ${FSX_UNAVAILABLE_MARKER}).
 */
function lustreClient(plan: ProvisioningPlan): string[] {
  const missing = (where: string) =>
    `cws_fsx_unavailable "no Lustre client for kernel $cws_fsx_kernel in ${where}: use an AMI whose kernel AWS builds the client for (see README)" no-lustre-client`;
  const lines = [
    'cws_fsx_kernel=$(uname -r)',
    'cws_fsx_client=ok',
    'if ! modprobe -n lustre >/dev/null 2>&1; then',
  ];
  if (plan.distro === 'al2023') {
    lines.push(
      `  cws_retry 3 dnf install -y lustre-client || { ${missing("Amazon Linux's repositories")}; cws_fsx_client=missing; }`,
    );
  } else if (plan.distro === 'ubuntu') {
    lines.push(
      '  # shellcheck source=/dev/null',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
      '  cws_fsx_codename=$(. /etc/os-release 2>/dev/null && printf %s "${VERSION_CODENAME:-}")',
      '  mkdir -p /etc/apt/keyrings /etc/apt/sources.list.d',
      `  if [ -n "$cws_fsx_codename" ] && cws_retry 3 curl -fsSL -o /etc/apt/keyrings/fsx-ubuntu-public-key.asc ${KEYS}/fsx-ubuntu-public-key.asc; then`,
      `    printf 'deb [signed-by=/etc/apt/keyrings/fsx-ubuntu-public-key.asc] ${REPO}/ubuntu %s main\\n' "$cws_fsx_codename" >/etc/apt/sources.list.d/fsxlustreclientrepo.list`,
      '    apt-get -o DPkg::Lock::Timeout=600 update -q || true',
      `    apt-get -o DPkg::Lock::Timeout=600 install -y "lustre-client-modules-$cws_fsx_kernel" || { ${missing("AWS's Ubuntu Lustre repository")}; cws_fsx_client=missing; }`,
      '  else',
      `    ${missing("AWS's Ubuntu Lustre repository (unreachable)")}; cws_fsx_client=missing`,
      '  fi',
    );
  } else {
    lines.push(
      '  mkdir -p /etc/yum.repos.d',
      '  # shellcheck source=/dev/null',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
      '  cws_fsx_major=$(. /etc/os-release 2>/dev/null && printf %s "${VERSION_ID%%.*}")',
      `  if [ -n "$cws_fsx_major" ] && cws_retry 3 curl -fsSL -o /tmp/fsx-rpm-public-key.asc ${KEYS}/fsx-rpm-public-key.asc &&`,
      `    cws_retry 3 curl -fsSL -o /etc/yum.repos.d/aws-fsx.repo "${REPO}/el/$cws_fsx_major/fsx-lustre-client.repo"; then`,
      '    rpm --import /tmp/fsx-rpm-public-key.asc',
      `    dnf install -y kmod-lustre-client lustre-client || { ${missing("AWS's EL Lustre repository")}; cws_fsx_client=missing; }`,
      '  else',
      `    ${missing("AWS's EL Lustre repository (unreachable)")}; cws_fsx_client=missing`,
      '  fi',
    );
  }
  lines.push(
    '  # A package for another kernel installs, but its module does not load on this one.',
    `  if [ "$cws_fsx_client" = ok ] && ! modprobe lustre; then ${missing('the installed package (built for another kernel)')}; cws_fsx_client=missing; fi`,
    'fi',
  );
  return lines;
}

function nfsClient(plan: ProvisioningPlan): string {
  return plan.distro === 'ubuntu'
    ? 'command -v mount.nfs4 >/dev/null 2>&1 || apt-get -o DPkg::Lock::Timeout=600 install -y nfs-common'
    : 'command -v mount.nfs4 >/dev/null 2>&1 || dnf install -y nfs-utils';
}

function userDirectories(fsx: PlannedFsxMount, plan: ProvisioningPlan): string[] {
  const userDir = shellQuote(`${fsx.mountPoint}/home/${plan.user.name}`);
  const link = shellQuote(`${plan.user.home}/fsx`);
  return [
    `  install -d -m 0755 ${shellQuote(`${fsx.mountPoint}/home`)} || cws_warn 'could not prepare the FSx home directories'`,
    `  install -d -m 0750 -o ${plan.user.uid} -g ${plan.user.gid} ${userDir} || cws_warn 'could not prepare the user FSx directory'`,
    `  ln -sfn ${userDir} ${link}`,
    `  chown -h ${plan.user.uid}:${plan.user.gid} ${link}`,
  ];
}

/**
 * The FSx mount of `launch --fsx`: Lustre with the kernel's client, OpenZFS over NFS 4.2 (4.1
 * when the kernel lacks 4.2). The user gets `~/fsx` on their own directory, whose files carry their
 * UID: OpenZFS's per-user quotas count them by it.
 */
export function renderFsxSection(plan: ProvisioningPlan): string {
  const { fsx } = plan;
  if (!fsx) return '';
  const target = shellQuote(fsx.mountPoint);
  const lines = [FUNCTIONS, `rm -f ${FSX_UNAVAILABLE_MARKER}`];
  if (fsx.type === 'lustre') {
    lines.push(
      ...lustreClient(plan),
      `if [ "$cws_fsx_client" = ok ] && cws_fsx_mount ${target} lustre ${shellQuote(`${fsx.dnsName}@tcp:/${fsx.mountName ?? ''}`)} relatime,flock; then`,
    );
  } else {
    const source = shellQuote(`${fsx.dnsName}:/fsx`);
    lines.push(
      nfsClient(plan),
      // NFS 4.2 where the kernel has it, else 4.1.
      `if cws_fsx_mount ${target} nfs ${source} ${shellQuote(`nfsvers=4.2,${NFS_OPTIONS}`)} ${shellQuote(`nfsvers=4.1,${NFS_OPTIONS}`)}; then`,
    );
  }
  // Without the mount the stage ends degraded, so the workstation's state says so too.
  lines.push(...userDirectories(fsx, plan), 'fi', `[ ! -e ${FSX_UNAVAILABLE_MARKER} ]`);
  return `${lines.join('\n')}\n`;
}
