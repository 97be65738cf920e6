import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BENCH_PATTERNS, benchSizeProblem, fioBenchScript } from '../../../source/core/fsx/fioBenchScript.js';

describe('fioBenchScript', () => {
  it.each(BENCH_PATTERNS)('makes a %s script bash accepts, installing fio and cleaning up', (pattern) => {
    const script = fioBenchScript({ pattern, size: '1G', directory: '/fsx', kind: 'lustre-scratch2' });
    expect(script.split('\n')[0]).toBe(
      `# cws-tui:fio-bench pattern=${pattern} size=1G kind=lustre-scratch2 dir=/fsx`,
    );
    expect(script).toContain('dnf install -y -q fio');
    expect(script).toContain('mountpoint -q /fsx');
    expect(script).toContain('--output-format=json');
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
    const lint = spawnSync('shellcheck', ['-s', 'bash', '-'], { input: script, encoding: 'utf8' });
    expect(lint.stdout).toBe('');
  });

  it('refuses sizes fio should not be given, and a directory that is no mount point', () => {
    expect(benchSizeProblem('1G')).toBeUndefined();
    expect(benchSizeProblem('512M')).toBeUndefined();
    expect(benchSizeProblem('8M')).toBe('--size 8M is outside 16M to 100G');
    expect(benchSizeProblem('1T')).toBe('--size 1T is not a size such as 1G or 512M');
    expect(benchSizeProblem('1G; rm')).toBe('--size 1G; rm is not a size such as 1G or 512M');
    expect(() => fioBenchScript({ pattern: 'seq', size: '1G', directory: '/', kind: 'x' })).toThrow(
      "'/' cannot be a mount point",
    );
  });
});
