import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_ENV, NODE_FLAGS } from '../../scripts/nodeFlags.mjs';

const BUNDLE = resolve(import.meta.dirname, '../../dist/cws-tui.js');

describe("the bundle's shebang", () => {
  const shebang = readFileSync(BUNDLE, 'utf8').split('\n', 1)[0] ?? '';

  it('starts node with the memory settings of nodeFlags.mjs', () => {
    expect(shebang).toBe(`#!/usr/bin/env -S MALLOC_ARENA_MAX=1 node ${NODE_FLAGS.join(' ')}`);
    expect(NODE_ENV).toEqual({ MALLOC_ARENA_MAX: '1' });
  });

  it('gives node the environment and flags through env(1), as the kernel runs it', () => {
    // The shebang's line run as the kernel would, with a probe in place of the bundle.
    const [command = '', ...args] = shebang.slice(2).split(' ');
    const probe =
      'console.log(JSON.stringify([process.env.MALLOC_ARENA_MAX, process.execArgv.slice(0, -2)]))';
    const run = spawnSync(command, [...args, '-e', probe], {
      encoding: 'utf8',
      env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(['1', NODE_FLAGS]);
  });
});
