import meow from 'meow';
import pkg from '../package.json' with { type: 'json' };
import { EXIT } from './commands/CliError.js';
import type { CommandFlags } from './commands/CommandFlags.js';
import { endOnClosedPipe } from './commands/endOnClosedPipe.js';
import { findNegativeValue } from './commands/findNegativeValue.js';
import { findUnknownFlag } from './commands/findUnknownFlag.js';
import { cliFlags } from './commands/flags.js';
import { helpForCommand, wantsHelp } from './commands/helpForCommand.js';
import { commands, findCommand } from './commands/registry.js';
import { reportCommandFailure } from './commands/reportCommandFailure.js';
import { safeWriter, sanitizeCommandOutput } from './core/text/sanitizeCommandOutput.js';

endOnClosedPipe();

const commandHelp = commands
  .flatMap((command) => command.usage.map((line) => `    $ cws-tui ${line}`))
  .join('\n');

const negativeValue = findNegativeValue(process.argv.slice(2), cliFlags);
if (negativeValue) {
  process.stderr.write(sanitizeCommandOutput(`cws-tui: ${negativeValue}\n`));
  process.exit(EXIT.usage);
}

const unknownFlag = findUnknownFlag(process.argv.slice(2), cliFlags);
if (unknownFlag) {
  process.stderr.write(
    sanitizeCommandOutput(`cws-tui: unknown option ${unknownFlag}. Run 'cws-tui --help' for the options.\n`),
  );
  process.exit(EXIT.usage);
}

const cli = meow(
  `
  Usage
    $ cws-tui                 open the full-screen research portal
${commandHelp}

  Global options
    --demo                    use the built-in demo account (the default without AWS credentials)
    --profile <name>          the cws-tui profile to use
    --region <region>         override the profile's AWS region
    --json                    print data as JSON
    --no-color                plain output (also NO_COLOR=1)
    --refresh <seconds>       dashboard refresh interval (default 5)
    --readonly                the TUI changes nothing: no start, stop, launch or delete keys
    --attach                  the TUI on a running 'cws-tui serve' (its session, shared by terminals)
    --help, --version

  Exit codes: 0 ok, 1 error, 2 usage error, 3 denied by policy, 4 partial (list/services list
  could not read some service: see the warning on stderr).
  Failures are logged to cws-tui.log in the state dir (rotated at 1 MB).
`,
  {
    importMeta: import.meta,
    pkg,
    flags: cliFlags,
    allowUnknownFlags: false,
  },
);

async function main(): Promise<number> {
  const [name, ...args] = cli.input;
  const flags = cli.flags as CommandFlags;
  // --version is declared as a string for `marketplace publish --version X`; alone it is cws-tui's.
  if (name === undefined && flags.version !== undefined) {
    process.stdout.write(`${pkg.version}\n`);
    return EXIT.ok;
  }
  if (name === undefined) {
    const { runTui } = await import('./app/runTui.js');
    return runTui({ flags, env: process.env });
  }
  const command = findCommand(name);
  if (!command) {
    process.stderr.write(
      sanitizeCommandOutput(`cws-tui: unknown command '${name}'. Run 'cws-tui --help' for the list.\n`),
    );
    return EXIT.usage;
  }
  if (wantsHelp(process.argv.slice(2))) {
    process.stdout.write(sanitizeCommandOutput(helpForCommand(command, args)));
    return EXIT.ok;
  }
  const run = await command.load();
  return run({
    args,
    flags,
    env: process.env,
    // One output filter for every command: no field can reach the terminal as an escape sequence.
    stdout: safeWriter((text) => process.stdout.write(text), { json: flags.json }),
    stderr: safeWriter((text) => process.stderr.write(text), { json: false }),
    terminalStdout: (text) => process.stdout.write(text),
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => reportCommandFailure(cli.input[0], error),
);
