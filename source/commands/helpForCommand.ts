import type { Command } from './Command.js';

/** Whether the command line asks for help (`--help` before a `--` that ends the options). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--help');
}

/** A command's usage lines grouped per form: a form's first line, then its indented continuations. */
function usageForms(command: Command): string[][] {
  const forms: string[][] = [];
  for (const line of command.usage) {
    const last = forms.at(-1);
    if (last && /^\s/.test(line)) last.push(line);
    else forms.push([line]);
  }
  return forms;
}

/**
 * `cws-tui <command> [sub] --help`: what the command does and how to call it, the forms of the
 * subcommand asked for when there is one (all of them otherwise). Printed instead of running the
 * command, so that `terminate x --help` never terminates anything.
 */
export function helpForCommand(command: Command, args: readonly string[]): string {
  const forms = usageForms(command);
  const sub = args.find((arg) => !arg.startsWith('-'));
  const chosen = sub ? forms.filter((form) => form[0]?.startsWith(`${command.name} ${sub}`)) : [];
  const shown = (chosen.length > 0 ? chosen : forms).flat();
  return [
    `cws-tui ${command.name}: ${command.summary}`,
    '',
    'Usage',
    // A continuation stays under the form it continues.
    ...shown.map((line) => (/^\s/.test(line) ? `  ${' '.repeat(10)}${line}` : `  $ cws-tui ${line}`)),
    '',
    'Global options: --profile <name>, --region <region>, --demo, --json, --no-color',
    "Exit codes: 0 ok, 1 error, 2 usage error, 3 denied by policy. 'cws-tui --help' lists every command.",
    '',
  ].join('\n');
}
