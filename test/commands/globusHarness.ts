import type { CommandContext } from '../../source/commands/Command.js';
import type { CommandFlags } from '../../source/commands/CommandFlags.js';
import type { GlobusCommandIo } from '../../source/commands/globus/GlobusCommandIo.js';
import { type CommandOutcome, defaultFlags } from './commandHarness.js';

/**
 * Runs a command that may sign in to Globus, as a person at the terminal would: whatever code the
 * sign-in page shows (the demo's simulated Globus says it on stderr) is what they paste.
 */
export async function runWithGlobusTerminal(
  run: (context: CommandContext, io: GlobusCommandIo) => Promise<number>,
  args: string[],
  env: NodeJS.ProcessEnv,
  flags: Partial<CommandFlags> = {},
  pasteCode: (stderr: string) => string = (stderr) =>
    /shows the code (DEMO-[0-9A-F]{8})/.exec(stderr)?.[1] ?? '',
): Promise<CommandOutcome & { prompts: string[] }> {
  let stdout = '';
  let stderr = '';
  const prompts: string[] = [];
  const context: CommandContext = {
    args,
    flags: { ...defaultFlags(), ...flags },
    env,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  const io: GlobusCommandIo = {
    async readCode(prompt) {
      prompts.push(prompt);
      return pasteCode(stderr);
    },
    openBrowser: async () => {
      throw new Error('no browser in tests');
    },
    terminal: false,
  };
  const code = await run(context, io);
  return { code, stdout, stderr, prompts };
}
