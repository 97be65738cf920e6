import type { Session } from '../app/session/Session.js';
import type { CommandFlags } from './CommandFlags.js';

/** What a command gets: its positional arguments, the parsed flags, and where to write. */
export interface CommandContext {
  args: string[];
  flags: CommandFlags;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * stdout without the output filter, for the app's own escape sequences (an OSC 8 link, an OSC 52
   * copy); whatever a field holds must be sanitized before it is written here. stdout when absent.
   */
  terminalStdout?: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** A session already open (the service API's, shared by every request): used instead of a new one. */
  session?: Session;
}

export type CommandRun = (context: CommandContext) => Promise<number>;

/**
 * A non-interactive command: `cws-tui <name> [sub] ...`. The implementation is loaded on demand so
 * that the TUI's start-up path never pays for the modules of every command.
 */
export interface Command {
  name: string;
  summary: string;
  /** Usage lines shown by `cws-tui --help`. */
  usage: string[];
  load(): Promise<CommandRun>;
}
