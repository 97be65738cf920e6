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
  if (plan.prebuilt) return renderMissingPackages(plan);
  const { packages, groups, repositories } = plan.system;
  if (plan.distro === 'ubuntu') {
    return `${APT_FUNCTIONS}
export DEBIAN_FRONTEND=noninteractive
cws_retry ${RETRY_ATTEMPTS} cws_apt update
cws_retry ${RETRY_ATTEMPTS} cws_apt install -y ${quoteAll(packages)}
`;
  }
  const lines = repositoryLines(repositories);
  if (groups.length > 0) lines.push(`cws_retry ${RETRY_ATTEMPTS} dnf group install -y ${quoteAll(groups)}`);
  lines.push(`cws_retry ${RETRY_ATTEMPTS} dnf install -y --allowerasing ${quoteAll(packages)}`);
  return `${lines.join('\n')}\n`;
}

function repositoryLines(repositories: readonly PackageRepository[]): string[] {
  if (repositories.length === 0) return [];
  return [
    `rpm -q dnf-plugins-core >/dev/null 2>&1 || cws_retry ${RETRY_ATTEMPTS} dnf install -y dnf-plugins-core`,
    ...(['crb', 'epel', 'docker-ce'] as const)
      .filter((repository) => repositories.includes(repository))
      .map((repository) => ROCKY_REPOSITORIES[repository]),
  ];
}

/**
 * On an image that comes with its software (an AMI base, a Deep Learning AMI), only the packages the
 * image lacks are installed, so a boot that needs nothing never touches the package manager (or
 * the network), and a stack the image already has is never installed a second time.
 */
function renderMissingPackages(plan: ProvisioningPlan): string {
  const { packages, groups, repositories } = plan.system;
  const ubuntu = plan.distro === 'ubuntu';
  const probe = ubuntu
    ? 'dpkg -s "$cws_package" >/dev/null 2>&1'
    : 'rpm -q --whatprovides "$cws_package" >/dev/null 2>&1';
  const install = ubuntu
    ? [
        'export DEBIAN_FRONTEND=noninteractive',
        `cws_retry ${RETRY_ATTEMPTS} cws_apt update`,
        `cws_retry ${RETRY_ATTEMPTS} cws_apt install -y "\${cws_missing[@]}"`,
      ]
    : [
        ...repositoryLines(repositories),
        `cws_retry ${RETRY_ATTEMPTS} dnf install -y --allowerasing "\${cws_missing[@]}"`,
      ];
  const lines = [
    ...(ubuntu ? [APT_FUNCTIONS] : []),
    'cws_missing=()',
    `for cws_package in ${quoteAll(packages)}; do`,
    `  ${probe} || cws_missing+=("$cws_package")`,
    'done',
    `if [ "\${#cws_missing[@]}" -eq 0 ]; then`,
    '  cws_note "the image has every package the workstation needs"',
    'else',
    `  cws_note "installing what the image lacks: \${cws_missing[*]}"`,
    ...install.map((line) => `  ${line}`),
    'fi',
  ];
  if (!ubuntu && groups.length > 0) {
    lines.push(`cws_retry ${RETRY_ATTEMPTS} dnf group install -y ${quoteAll(groups)}`);
  }
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
