import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { helpForCommand, wantsHelp } from '../../source/commands/helpForCommand.js';
import { commands } from '../../source/commands/registry.js';

const BUNDLE = resolve(import.meta.dirname, '../../dist/cws-tui.js');
const run = promisify(execFile);

/** The built app with its own config and state dirs, so no run touches the user's. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const home = mkdtempSync(join(tmpdir(), 'cws-help-'));
  const env = {
    ...process.env,
    HOME: home,
    CWS_TUI_CONFIG_DIR: join(home, 'config'),
    XDG_STATE_HOME: join(home, 'state'),
    XDG_CONFIG_HOME: join(home, 'xdg'),
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [BUNDLE, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('--help after a command', () => {
  it('is asked for before a `--` only', () => {
    expect(wantsHelp(['invite', 'create', '--help'])).toBe(true);
    expect(wantsHelp(['exec', 'box', '--', 'grep', '--help'])).toBe(false);
    expect(wantsHelp(['list'])).toBe(false);
  });

  it.each(commands.map((command) => [command.name, command] as const))(
    '%s --help gives its summary and every usage form',
    (name, command) => {
      const help = helpForCommand(command, []);
      expect(help).toContain(`cws-tui ${name}: ${command.summary}`);
      for (const line of command.usage) expect(help).toContain(line.trim());
      expect(help).not.toMatch(/\$ cws-tui\s{2,}/);
    },
  );

  it('shows only the subcommand asked for (invite create), with its continuation lines', () => {
    const invite = commands.find((command) => command.name === 'invite');
    if (!invite) throw new Error('no invite command');
    const help = helpForCommand(invite, ['create']);
    expect(help).toContain('$ cws-tui invite create <profile-name>');
    expect(help).toContain('[--budget USD]');
    expect(help).not.toContain('invite accept');
  });

  it('exits 0 with the usage on stdout for every registered command, running none of them', async () => {
    const results = await Promise.all(
      commands.map(async (command) => ({ name: command.name, ...(await cli([command.name, '--help'])) })),
    );
    for (const result of results) {
      expect({ name: result.name, code: result.code, stderr: result.stderr }).toEqual({
        name: result.name,
        code: 0,
        stderr: '',
      });
      expect(result.stdout).toContain(`cws-tui ${result.name}:`);
    }
    const create = await cli(['invite', 'create', '--help']);
    expect(create.code).toBe(0);
    expect(create.stdout).toContain('$ cws-tui invite create <profile-name>');
    // A command that acts would have acted: the help stops it first.
    const terminate = await cli(['terminate', 'anything', '--yes', '--help']);
    expect(terminate).toMatchObject({ code: 0, stderr: '' });
  }, 120_000);
});
