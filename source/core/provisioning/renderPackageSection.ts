import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { shellQuote } from './shellQuote.js';
import type { PackageRepository } from './systemPackageMap.js';

const quoteAll = (values: readonly string[]): string => values.map(shellQuote).join(' ');

const ROCKY_REPOSITORIES: Record<PackageRepository, string> = {
  epel: 'rpm -q epel-release >/dev/null 2>&1 || cws_retry 3 dnf install -y epel-release',
  crb: 'dnf config-manager --set-enabled crb',
  'docker-ce':
    '[ -f /etc/yum.repos.d/docker-ce.repo ] || dnf config-manager --add-repo https://download.docker.com/linux/rhel/docker-ce.repo',
};

/**
 * The AWS CLI v2 from AWS's own installer: the same on every distro, and already on Amazon Linux.
 * Once it is there, the stage's tag (skipped before, without the CLI) is written.
 */
const AWS_CLI = `if ! command -v aws >/dev/null 2>&1; then
  cws_awscli_dir=$(mktemp -d)
  cws_retry 3 curl -fsSL -o "$cws_awscli_dir/awscliv2.zip" "https://awscli.amazonaws.com/awscli-exe-linux-$(uname -m).zip"
  unzip -q -o "$cws_awscli_dir/awscliv2.zip" -d "$cws_awscli_dir"
  "$cws_awscli_dir/aws/install" --update
  rm -rf "$cws_awscli_dir"
  cws_tag cws:progress packages
fi`;

/**
 * System packages with the distro's own tool: apt waits for the boot-time unattended upgrade's lock;
 * on Amazon Linux, \`--allowerasing\` lets curl replace curl-minimal.
 */
export function renderPackageSection(plan: ProvisioningPlan): string {
  const { packages, groups, repositories } = plan.system;
  if (plan.distro === 'ubuntu') {
    return `cws_mark packages
export DEBIAN_FRONTEND=noninteractive
cws_retry 3 apt-get -o DPkg::Lock::Timeout=600 update
cws_retry 3 apt-get -o DPkg::Lock::Timeout=600 install -y ${quoteAll(packages)}
${AWS_CLI}
`;
  }
  const lines = ['cws_mark packages'];
  if (repositories.length > 0) {
    lines.push('rpm -q dnf-plugins-core >/dev/null 2>&1 || cws_retry 3 dnf install -y dnf-plugins-core');
    for (const repository of ['crb', 'epel', 'docker-ce'] as const) {
      if (repositories.includes(repository)) lines.push(ROCKY_REPOSITORIES[repository]);
    }
  }
  if (groups.length > 0) lines.push(`cws_retry 3 dnf group install -y ${quoteAll(groups)}`);
  lines.push(`cws_retry 3 dnf install -y --allowerasing ${quoteAll(packages)}`, AWS_CLI);
  return `${lines.join('\n')}\n`;
}
