import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigStore } from '../../../source/core/config/ConfigStore.js';

// Counts the conf instances the store makes: each one compiles the schema with ajv.
const opened = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../source/core/config/loadConf.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../source/core/config/loadConf.js')>();
  const Conf = original.loadConf();
  class CountedConf<T extends Record<string, unknown>> extends Conf<T> {
    constructor(...options: ConstructorParameters<typeof Conf<T>>) {
      super(...options);
      opened.count += 1;
    }
  }
  return { loadConf: () => CountedConf };
});

let configDir: string;

beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'cws-config-'));
  opened.count = 0;
});

describe('ConfigStore without conf once the file is checked', () => {
  it('reads a first-run file without keeping conf, and opens conf again for a change', async () => {
    const store = ConfigStore.open(configDir);
    expect(opened.count).toBe(1);
    expect(store.listProfiles()).toEqual([]);
    expect(store.currentProfileName()).toBeUndefined();
    expect(opened.count).toBe(1);
    store.clearCurrentProfile();
    expect(opened.count).toBe(2);
  });

  it('reads an edited file through conf again, as a later run would', async () => {
    ConfigStore.open(configDir);
    const path = join(configDir, 'config.json');
    const data = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...data, profiles: {} }));
    const store = ConfigStore.open(configDir);
    expect(opened.count).toBe(2);
    expect(store.listProfiles()).toEqual([]);
  });
});
