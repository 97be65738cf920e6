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

describe('ConfigStore without conf until it is needed', () => {
  it('reads no file as empty without conf, and opens conf for the first change', async () => {
    const store = ConfigStore.open(configDir);
    expect(store.listProfiles()).toEqual([]);
    expect(store.currentProfile()).toBeUndefined();
    expect(opened.count).toBe(0);
    store.clearCurrentProfile();
    expect(opened.count).toBe(1);
    expect(JSON.parse(await readFile(join(configDir, 'config.json'), 'utf8'))).toHaveProperty('__internal__');
  });

  it('lets conf go once it has checked and marked a file it had not seen', async () => {
    const path = join(configDir, 'config.json');
    await writeFile(path, JSON.stringify({ profiles: {} }));
    const store = ConfigStore.open(configDir);
    expect(opened.count).toBe(1);
    expect(store.listProfiles()).toEqual([]);
    expect(store.currentProfileName()).toBeUndefined();
    expect(opened.count).toBe(1);
    store.clearCurrentProfile();
    expect(opened.count).toBe(2);
  });

  it('reads a file changed since its mark through conf again, as a later run would', async () => {
    ConfigStore.open(configDir).clearCurrentProfile();
    const path = join(configDir, 'config.json');
    const data = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...data, profiles: {} }));
    const store = ConfigStore.open(configDir);
    expect(opened.count).toBe(2);
    expect(store.listProfiles()).toEqual([]);
  });
});
