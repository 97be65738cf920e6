import type { CommandFlags } from './commands/CommandFlags.js';

/**
 * The full-screen app opened straight from the entry, for a command line that names no command:
 * nothing of the command-line parser or the commands is loaded before the first frame.
 */
export async function tuiMain(flags: CommandFlags): Promise<void> {
  try {
    const { runTui } = await import('./app/runTui.js');
    process.exitCode = await runTui({ flags, env: process.env });
  } catch (error) {
    const { reportCommandFailure } = await import('./commands/reportCommandFailure.js');
    await reportCommandFailure(undefined, error);
  }
}
