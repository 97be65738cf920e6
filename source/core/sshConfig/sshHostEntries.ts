import type { ResearchUser } from '../identity/ResearchUser.js';
import type { Workstation } from '../workstations/Workstation.js';

/** One `Host` block of the generated SSH config. */
export interface SshHostEntry {
  alias: string;
  host_name: string;
  user: string;
  identity_file?: string;
  /** The known_hosts name: stable across stop/start, when the address changes. */
  host_key_alias: string;
  proxy: { kind: 'jump'; bastion: string } | { kind: 'ssm'; command: string };
}

/** Names `ssh` reads as one word and OpenSSH accepts as a Host pattern without quoting. */
const SAFE_ALIAS = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface SshEntrySources {
  bastion?: string;
  aws_profile?: string;
  researchUser(username: string): Promise<ResearchUser | undefined>;
}

/**
 * A Host entry per live EC2 workstation: through the bastion to its private address when one is
 * configured (CWS_SSH_BASTION), otherwise through an SSM session (no open port, and the instance
 * id stays valid when the public address changes). Rows whose name is not a safe alias are left
 * out and reported.
 */
export async function sshHostEntries(
  workstations: readonly Workstation[],
  sources: SshEntrySources,
): Promise<{ entries: SshHostEntry[]; skipped: string[] }> {
  const entries: SshHostEntry[] = [];
  const skipped: string[] = [];
  for (const workstation of workstations) {
    if (
      workstation.kind !== 'ec2' ||
      workstation.state === 'terminated' ||
      workstation.state === 'shutting-down'
    )
      continue;
    if (!SAFE_ALIAS.test(workstation.name)) {
      skipped.push(`${JSON.stringify(workstation.name)}: not usable as an SSH host name`);
      continue;
    }
    const username = workstation.research_user ?? 'ec2-user';
    const user = await sources.researchUser(username);
    const privateIp = workstation.instance?.private_ip;
    if (sources.bastion && !privateIp) {
      skipped.push(`${workstation.name}: no private address known yet (start it, then run ssh-config again)`);
      continue;
    }
    const profile = sources.aws_profile ? ` --profile ${sources.aws_profile}` : '';
    entries.push({
      alias: workstation.name,
      host_name: sources.bastion && privateIp ? privateIp : workstation.id,
      user: username,
      ...(user?.ssh_private_key_path ? { identity_file: user.ssh_private_key_path } : {}),
      host_key_alias: `cws-${workstation.id}`,
      proxy: sources.bastion
        ? { kind: 'jump', bastion: sources.bastion }
        : {
            kind: 'ssm',
            command: `aws ssm start-session --target %h --document-name AWS-StartSSHSession --parameters portNumber=%p --region ${workstation.region}${profile}`,
          },
    });
  }
  return { entries, skipped };
}

/** The generated file: a header saying it is rewritten, then one block per workstation. */
export function renderSshConfig(entries: readonly SshHostEntry[], generatedAt: string): string {
  const blocks = entries.map((entry) =>
    [
      `Host ${entry.alias}`,
      `  HostName ${entry.host_name}`,
      `  User ${entry.user}`,
      ...(entry.identity_file ? [`  IdentityFile "${entry.identity_file}"`, '  IdentitiesOnly yes'] : []),
      `  HostKeyAlias ${entry.host_key_alias}`,
      '  StrictHostKeyChecking accept-new',
      entry.proxy.kind === 'jump'
        ? `  ProxyJump ${entry.proxy.bastion}`
        : `  ProxyCommand ${entry.proxy.command}`,
    ].join('\n'),
  );
  return [
    '# Written by cws-tui ssh-config: rewritten on every run, edit ~/.ssh/config instead.',
    `# ${entries.length} workstation(s), ${generatedAt}`,
    '',
    ...blocks.map((block) => `${block}\n`),
  ].join('\n');
}
