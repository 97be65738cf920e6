import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext, CommandRun } from '../../source/commands/Command.js';
import type { CommandFlags } from '../../source/commands/CommandFlags.js';
import { defaultCommandFlags } from '../../source/commands/defaultCommandFlags.js';
import { safeWriter } from '../../source/core/text/sanitizeCommandOutput.js';

/** The flags a command sees when none is given on the command line. */
export function defaultFlags(): CommandFlags {
  return defaultCommandFlags();
}

export interface CommandOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Isolated config and state dirs on the demo account at instant pace, as CI and tests need. */
export function testEnvironment(): NodeJS.ProcessEnv {
  const root = mkdtempSync(join(tmpdir(), 'cws-cmd-'));
  return {
    CWS_CONFIG_DIR: join(root, 'config'),
    CWS_STATE_DIR: join(root, 'state'),
    // The machine's /etc/cws-tui/config.yaml must never decide a test.
    CWS_SYSTEM_CONFIG: join(root, 'system-config.yaml'),
    CWS_DEMO_SPEED: '0',
    // Never probe the instance metadata service from a test: no traffic leaves this machine.
    AWS_EC2_METADATA_DISABLED: 'true',
    USER: 'alice',
    HOME: root,
  };
}

export async function runCommand(
  run: CommandRun,
  args: string[],
  env: NodeJS.ProcessEnv,
  flags: Partial<CommandFlags> = {},
): Promise<CommandOutcome> {
  let stdout = '';
  let stderr = '';
  const allFlags = { ...defaultFlags(), ...flags };
  // The same output filter as the CLI's, so that tests see what a terminal would.
  const context: CommandContext = {
    args,
    flags: allFlags,
    env,
    stdout: safeWriter(
      (text) => {
        stdout += text;
      },
      { json: allFlags.json },
    ),
    stderr: safeWriter(
      (text) => {
        stderr += text;
      },
      { json: false },
    ),
  };
  const code = await run(context);
  return { code, stdout, stderr };
}
