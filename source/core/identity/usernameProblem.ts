import { POSIX_NAME_PATTERN } from '../templates/templateSchema.js';

/**
 * Names that already belong to the system or to the images' default users: a research user with
 * one of them would take over an account the distribution or cloud-init relies on.
 */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([
  'root',
  'daemon',
  'bin',
  'sys',
  'sync',
  'games',
  'man',
  'lp',
  'mail',
  'news',
  'uucp',
  'proxy',
  'www-data',
  'backup',
  'list',
  'irc',
  'gnats',
  'nobody',
  'nogroup',
  'systemd-network',
  'systemd-resolve',
  'systemd-timesync',
  'messagebus',
  'syslog',
  'sshd',
  'ssh',
  'admin',
  'adm',
  'sudo',
  'wheel',
  'docker',
  'operator',
  'halt',
  'shutdown',
  'ftp',
  'ubuntu',
  'ec2-user',
  'centos',
  'rocky',
  'almalinux',
  'fedora',
  'debian',
  'admin-user',
  'cloud-user',
  'ssm-user',
  'chrony',
  'polkitd',
  'rpc',
  'rpcuser',
  'tss',
  'cloudworkstation-shared',
]);

/** Why `username` cannot be a research user's name, or undefined when it can. */
export function usernameProblem(username: string): string | undefined {
  const shown = JSON.stringify(username);
  if (!POSIX_NAME_PATTERN.test(username)) {
    return `${shown} is not a valid username: use 1-32 lowercase letters, digits, '_' or '-', starting with a letter or '_'`;
  }
  if (RESERVED_USERNAMES.has(username)) {
    return `${shown} is a system or default user name; choose another`;
  }
  return undefined;
}
