import type { Template } from '../templates/templateSchema.js';
import { webServiceKind } from './webServiceKind.js';

/** `systemctl enable --now x.service`, `systemctl start x y`: the units a script turns on. */
const SYSTEMCTL =
  /\bsystemctl\s+(?:--\S+\s+)*(?:enable|start|restart|reload-or-restart)\s+((?:(?:--\S+|[\w@.\\-]+)[ \t]*)+)/g;

/** Units that come with the base system or with a package under another name. */
const UNITS_OF_PACKAGES: Record<string, string[]> = {
  docker: ['docker', 'containerd'],
  'docker.io': ['docker', 'containerd'],
  'docker-ce': ['docker', 'containerd'],
  'openssh-server': ['ssh', 'sshd'],
  apache2: ['apache2'],
  httpd: ['httpd'],
  'postgresql-server': ['postgresql'],
  'redis-server': ['redis-server', 'redis'],
  redis: ['redis'],
  'mariadb-server': ['mariadb', 'mysql'],
  'mysql-server': ['mysql'],
  chrony: ['chrony', 'chronyd'],
  cron: ['cron'],
  cronie: ['crond'],
  'nfs-kernel-server': ['nfs-server', 'nfs-kernel-server'],
  'nfs-utils': ['nfs-server'],
  slurm: ['slurmd', 'slurmctld'],
};
const SYSTEM_UNITS = new Set([
  'ssh',
  'sshd',
  'cron',
  'crond',
  'chronyd',
  'systemd-resolved',
  'systemd-networkd',
  'systemd-timesyncd',
  'snapd',
  'amazon-ssm-agent',
  'snap.amazon-ssm-agent.amazon-ssm-agent',
  'cloud-init',
  'rsyslog',
  'tuned',
  'firewalld',
  'nfs-client.target',
  'remote-fs.target',
  'multi-user.target',
  'dcvserver',
]);

const unitName = (word: string): string => word.replace(/\.service$/, '');

/**
 * The units the template's post_install enables or starts that nothing installs: not a declared
 * service, not a unit of a listed package, not a file the template or its script writes under
 * systemd's folders, and not part of the base system. Each would fail the boot's `systemctl` call.
 */
export function unprovidedUnits(
  template: Pick<Template, 'post_install' | 'services' | 'packages' | 'files'>,
): string[] {
  const script = template.post_install ?? '';
  const provided = new Set<string>(SYSTEM_UNITS);
  // The boot script's own units for the web services it sets up.
  const WEB_UNITS = {
    jupyter: 'cws-jupyter',
    'code-server': 'cws-code-server',
    rstudio: 'rstudio-server',
  } as const;
  for (const service of template.services ?? []) {
    const kind = webServiceKind(service.name);
    provided.add(kind ? WEB_UNITS[kind] : unitName(service.name));
  }
  for (const name of template.packages?.system ?? []) {
    provided.add(name);
    for (const unit of UNITS_OF_PACKAGES[name] ?? []) provided.add(unit);
  }
  const written = [
    ...(template.files ?? []).map((file) => ('path' in file ? file.path : file.destination_path)),
    ...Array.from(
      script.matchAll(/\/(?:etc|usr\/lib|lib)\/systemd\/system\/([\w@.-]+)/g),
      (match) => `/x/${match[1]}`,
    ),
  ];
  for (const path of written) {
    const unit = /\/([\w@.-]+)\.(?:service|timer|socket)$/.exec(path)?.[1];
    if (unit) provided.add(unit);
  }
  const missing = new Set<string>();
  for (const match of script.matchAll(SYSTEMCTL)) {
    for (const word of match[1]!.split(/\s+/)) {
      if (word === '' || word.startsWith('-') || word.includes('$')) continue;
      const unit = unitName(word);
      if (!provided.has(unit)) missing.add(word);
    }
  }
  return [...missing];
}
