import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConf } from '../../../source/core/config/loadConf.js';

describe('loadConf', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('gives conf itself: a store made with it writes its file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-load-conf-'));
    dirs.push(dir);
    const Conf = loadConf();
    expect(loadConf()).toBe(Conf);
    const store = new Conf<{ answer?: number }>({ cwd: dir, configName: 'config', projectName: 'test' });
    store.set('answer', 42);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({ answer: 42 });
  });
});
