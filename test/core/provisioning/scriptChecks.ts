import { spawnSync } from 'node:child_process';
import { systemTool } from '../../support/systemTool.js';

/** `bash -n`: the script parses. Returns bash's complaint, empty when it parses. */
export function bashSyntaxErrors(script: string): string {
  const result = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  return result.status === 0 ? '' : result.stderr || `bash -n exited ${result.status}`;
}

export const hasShellcheck = systemTool(
  'shellcheck',
  ['shellcheck', '--version'],
  'apt-get install shellcheck',
);

/** shellcheck at its strictest severity: every finding, info and style included. */
export function shellcheckFindings(script: string): string {
  const result = spawnSync('shellcheck', ['--shell=bash', '--severity=style', '-'], {
    input: script,
    encoding: 'utf8',
  });
  return result.status === 0 ? '' : result.stdout || result.stderr;
}

/** shellcheck over many files in one run (much faster than one process per script). */
export function shellcheckFiles(paths: readonly string[]): string {
  const result = spawnSync('shellcheck', ['--shell=bash', '--severity=style', '--format=gcc', ...paths], {
    encoding: 'utf8',
  });
  return result.status === 0 ? '' : result.stdout || result.stderr;
}
