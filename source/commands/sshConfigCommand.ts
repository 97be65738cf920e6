import { homedir } from 'node:os';
import { join } from 'node:path';
import { renderSshConfig, sshHostEntries } from '../core/sshConfig/sshHostEntries.js';
import { writeSshConfig } from '../core/sshConfig/writeSshConfig.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { usageError } from './CliError.js';
import { operationCommand, printJson } from './operations/operationCommand.js';

const USAGE = 'usage: cws-tui ssh-config [--write] [--json]';

/**
 * `cws-tui ssh-config`: a Host entry per workstation so that `ssh ws1`, scp, rsync and VS Code
 * Remote-SSH work directly; `--write` puts them in ~/.ssh/config.d/cws-tui and includes that once.
 */
export const runSshConfigCommand = operationCommand(async (context) => {
  if (context.args.length > 0) throw usageError(USAGE);
  const { env } = context;
  const { entries, skipped } = await sshHostEntries(await context.session.listWorkstations(), {
    ...(env.CWS_SSH_BASTION ? { bastion: env.CWS_SSH_BASTION } : {}),
    ...(env.AWS_PROFILE ? { aws_profile: env.AWS_PROFILE } : {}),
    researchUser: (username) => context.ops.findResearchUser(username),
  });
  const text = renderSshConfig(entries, new Date().toISOString());
  for (const reason of skipped) context.stderr(`cws-tui: left out ${sanitizeForTerminal(reason)}\n`);
  if (!context.flags.write) {
    if (context.flags.json) printJson(context, { entries, skipped });
    else context.stdout(text);
    return 0;
  }
  const written = await writeSshConfig(join(env.HOME || homedir(), '.ssh'), text);
  await context.ops.audit({
    action: 'ssh-config',
    profile: context.ops.profile.name,
    targets: entries.map((entry) => entry.alias),
    include_added: written.include_added,
  });
  if (context.flags.json) printJson(context, { entries, skipped, ...written });
  else {
    context.stdout(`Wrote ${entries.length} Host entries to ${written.generated_path}\n`);
    context.stdout(
      written.include_added
        ? `Added 'Include config.d/cws-tui' at the top of ${written.config_path}${written.backup_path ? ` (the previous file is kept as ${written.backup_path})` : ''}\n`
        : `${written.config_path} already includes it: left unchanged\n`,
    );
  }
  return 0;
});
