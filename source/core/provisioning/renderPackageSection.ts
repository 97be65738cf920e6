import { RETRY_ATTEMPTS } from './instanceShellLibrary.js';
import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { shellQuote } from './shellQuote.js';
import type { PackageRepository } from './systemPackageMap.js';

const quoteAll = (values: readonly string[]): string => values.map(shellQuote).join(' ');
/** How long the first boot waits for apt runs it did not start (Ubuntu's apt-daily, unattended-upgrades). */
export const APT_WAIT_SECONDS = 900;

const ROCKY_REPOSITORIES: Record<PackageRepository, string> = {
  epel: `rpm -q epel-release >/dev/null 2>&1 || cws_retry ${RETRY_ATTEMPTS} dnf install -y epel-release`,
  crb: 'dnf config-manager --set-enabled crb',
  'docker-ce':
    '[ -f /etc/yum.repos.d/docker-ce.repo ] || dnf config-manager --add-repo https://download.docker.com/linux/rhel/docker-ce.repo',
};

/**
 * Waits while another apt or dpkg runs (first-boot apt-daily and unattended-upgrades hold the lists
 * lock, which DPkg::Lock::Timeout does not cover), bounded, with a note of how long it waited.
 */
const APT_FUNCTIONS = `cws_apt_wait() {
  local waited=0
  while pgrep -x 'apt|apt-get|dpkg|unattended-upgr|apt.systemd.dai' >/dev/null; do
    if [ "$waited" -ge ${APT_WAIT_SECONDS} ]; then
      cws_warn "apt is still busy after \${waited}s; trying anyway"
      return 0
    fi
    sleep 5
    waited=$((waited + 5))
  done
  if [ "$waited" -gt 0 ]; then cws_note "waited \${waited}s for another apt run to finish"; fi
}
cws_apt() {
  cws_apt_wait
  apt-get -o DPkg::Lock::Timeout=600 "$@"
}`;

/**
 * System packages with the distro's own tool: apt first waits for the boot-time apt runs' locks; on
 * Amazon Linux, \`--allowerasing\` lets curl replace curl-minimal.
 */
export function renderPackageSection(plan: ProvisioningPlan): string {
  const { packages, groups, repositories } = plan.system;
  if (plan.distro === 'ubuntu') {
    return `${APT_FUNCTIONS}
export DEBIAN_FRONTEND=noninteractive
cws_retry ${RETRY_ATTEMPTS} cws_apt update
cws_retry ${RETRY_ATTEMPTS} cws_apt install -y ${quoteAll(packages)}
`;
  }
  const lines: string[] = [];
  if (repositories.length > 0) {
    lines.push(
      `rpm -q dnf-plugins-core >/dev/null 2>&1 || cws_retry ${RETRY_ATTEMPTS} dnf install -y dnf-plugins-core`,
    );
    for (const repository of ['crb', 'epel', 'docker-ce'] as const) {
      if (repositories.includes(repository)) lines.push(ROCKY_REPOSITORIES[repository]);
    }
  }
  if (groups.length > 0) lines.push(`cws_retry ${RETRY_ATTEMPTS} dnf group install -y ${quoteAll(groups)}`);
  lines.push(`cws_retry ${RETRY_ATTEMPTS} dnf install -y --allowerasing ${quoteAll(packages)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The AWS CLI v2 for the research user, from AWS's installer (Amazon Linux has it already). The
 * workstation's own calls do not need it, so a failed download only marks it degraded.
 */
export function renderAwsCliSection(plan: ProvisioningPlan): string {
  if (plan.distro === 'al2023') return '';
  return `if command -v aws >/dev/null 2>&1; then
  cws_note "the AWS CLI is already installed"
  return 0
fi
cws_awscli_dir=$(mktemp -d)
cws_fetch "https://awscli.amazonaws.com/awscli-exe-linux-$(uname -m).zip" "$cws_awscli_dir/awscliv2.zip"
unzip -q -o "$cws_awscli_dir/awscliv2.zip" -d "$cws_awscli_dir"
"$cws_awscli_dir/aws/install" --update
rm -rf "$cws_awscli_dir"
`;
}
