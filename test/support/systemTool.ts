import { spawnSync } from 'node:child_process';

/**
 * Whether a system tool some tests need is here. When it is not, says so (which tool, why and how
 * to install it) so a skip is never silent; under CI (CI=true) a missing tool fails the run, since
 * a green run that skipped the shellcheck or sandbox tests proves nothing about them.
 */
export function systemTool(name: string, probe: readonly string[], install: string): boolean {
  const [command, ...args] = probe;
  if (command === undefined) throw new Error(`no probe command for ${name}`);
  const result = spawnSync(command, args, { stdio: 'ignore' });
  if (result.status === 0) return true;
  const why = result.error ? `${command} is not installed` : `\`${probe.join(' ')}\` exited ${result.status}`;
  const message = `tests needing ${name} skip: ${why} (${install})`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI must run them`);
  process.stderr.write(`${message}\n`);
  return false;
}
