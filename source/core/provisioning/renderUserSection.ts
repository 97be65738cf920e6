import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { shellQuote } from './shellQuote.js';

/**
 * The research user with its fixed UID and GID (the same on every workstation, so files on EFS
 * keep their owner), the shared group, its groups and its SSH keys. An existing account of that
 * name with another UID stops the boot: carrying on would give the user someone else's files.
 */
export function renderUserSection(plan: ProvisioningPlan): string {
  const { user, sharedGroup, distro } = plan;
  const name = shellQuote(user.name);
  const home = shellQuote(user.home);
  const adminGroup = distro === 'ubuntu' ? 'sudo' : 'wheel';
  const optional = ['docker', ...user.optionalGroups.filter((group) => group !== 'docker')];
  const lines = [
    `getent group ${shellQuote(sharedGroup.name)} >/dev/null || groupadd --gid ${sharedGroup.gid} ${shellQuote(sharedGroup.name)}`,
    `getent group ${name} >/dev/null || groupadd --gid ${user.gid} ${name}`,
    `if cws_existing_uid=$(id -u ${name} 2>/dev/null); then`,
    `  if [ "$cws_existing_uid" != ${user.uid} ]; then`,
    `    cws_failed "user ${user.name} exists with UID $cws_existing_uid, not ${user.uid}"`,
    '    exit 1',
    '  fi',
    'else',
    `  useradd --uid ${user.uid} --gid ${user.gid} --home-dir ${home} --create-home --shell ${shellQuote(user.shell)} --comment ${shellQuote(user.fullName)} ${name}`,
    'fi',
    `install -d -m 0750 -o ${user.uid} -g ${user.gid} ${home}`,
    `usermod --append --groups ${shellQuote(sharedGroup.name)} ${name}`,
  ];
  if (user.admin) {
    lines.push(
      `usermod --append --groups ${adminGroup} ${name}`,
      `printf '%s\\n' ${shellQuote(`${user.name} ALL=(ALL) NOPASSWD:ALL`)} >/etc/sudoers.d/90-cws-research-user`,
      'chmod 0440 /etc/sudoers.d/90-cws-research-user',
    );
  }
  lines.push(
    'cws_join_group() {',
    '  if getent group "$1" >/dev/null; then',
    `    usermod --append --groups "$1" ${name}`,
    '  elif [ "$1" != docker ]; then',
    '    cws_note "group $1 does not exist here; not joined"',
    '  fi',
    '}',
    ...optional.map((group) => `cws_join_group ${shellQuote(group)}`),
    `install -d -m 0700 -o ${user.uid} -g ${user.gid} ${shellQuote(`${user.home}/.ssh`)}`,
  );
  const keys = shellQuote(`${user.home}/.ssh/authorized_keys`);
  // Merged, never overwritten: keys the user added on the instance stay.
  lines.push(`[ -f ${keys} ] || install -m 0600 -o ${user.uid} -g ${user.gid} /dev/null ${keys}`);
  if (user.sshKeys.length > 0) {
    lines.push(
      `cws_keys=(${user.sshKeys.map(shellQuote).join(' ')})`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash array expansion, not a template
      'for cws_key in "${cws_keys[@]}"; do',
      `  grep -qxF -- "$cws_key" ${keys} || printf '%s\\n' "$cws_key" >>${keys}`,
      'done',
    );
  } else {
    lines.push('cws_warn "the research user has no SSH public key"');
  }
  lines.push(`chown ${user.uid}:${user.gid} ${keys}`, `chmod 0600 ${keys}`);
  return `${lines.join('\n')}\n`;
}
