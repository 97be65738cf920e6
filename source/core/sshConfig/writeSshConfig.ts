import { copyFile, mkdir, readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';

export const GENERATED_CONFIG = 'config.d/cws-tui';
const INCLUDE_LINE = `Include ${GENERATED_CONFIG}`;
/** An Include of our file already there, however the user wrote it (path form, quotes, case). */
const EXISTING_INCLUDE = /^\s*include\s+["']?(?:~\/\.ssh\/)?config\.d\/cws-tui["']?\s*$/im;

export interface SshConfigWrite {
  generated_path: string;
  config_path: string;
  /** Whether ~/.ssh/config was changed (the Include added); false when it was there already. */
  include_added: boolean;
  backup_path?: string;
}

/**
 * Writes the generated file and makes ~/.ssh/config include it, once. The Include goes first:
 * OpenSSH reads an Include inside a Host block as part of that block. The user's config is
 * otherwise kept byte for byte, backed up before the one change, and written atomically; a second
 * run changes nothing in it.
 */
export async function writeSshConfig(sshDir: string, generated: string): Promise<SshConfigWrite> {
  await mkdir(join(sshDir, 'config.d'), { recursive: true, mode: 0o700 });
  const generatedPath = join(sshDir, GENERATED_CONFIG);
  await writeFileAtomic(generatedPath, generated, 0o600);
  // A config kept in a dotfiles repository is a symlink: write through it, never over it.
  const configPath = await realpath(join(sshDir, 'config')).catch(() => join(sshDir, 'config'));
  const existing = await readFile(configPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing !== undefined && EXISTING_INCLUDE.test(existing)) {
    return { generated_path: generatedPath, config_path: configPath, include_added: false };
  }
  let backupPath: string | undefined;
  if (existing !== undefined) {
    backupPath = `${configPath}.cws-tui.bak`;
    await copyFile(configPath, backupPath);
  }
  const header = `# Added by cws-tui ssh-config: the workstations' Host entries.\n${INCLUDE_LINE}\n\n`;
  await writeFileAtomic(configPath, `${header}${existing ?? ''}`, 0o600);
  return {
    generated_path: generatedPath,
    config_path: configPath,
    include_added: true,
    ...(backupPath ? { backup_path: backupPath } : {}),
  };
}
