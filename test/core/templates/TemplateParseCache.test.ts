import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinTemplatesDir } from '../../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll } from '../../../source/core/templates/resolveTemplate.js';
import type { TemplateSearchDirectory } from '../../../source/core/templates/templateSearchPath.js';

let root: string;
let cacheDir: string;
let userDir: string;
let searchPath: TemplateSearchDirectory[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cws-template-cache-'));
  cacheDir = join(root, 'cache');
  userDir = join(root, 'user');
  searchPath = [
    { directory: builtinTemplatesDir(), origin: 'builtin' },
    { directory: userDir, origin: 'user' },
  ];
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const lab = (description: string): string =>
  `name: Lab box\nslug: lab-box\ndescription: ${description}\ninherits: [ubuntu-24.04]\n`;

async function resolvedWith(cache: boolean) {
  const registry = await loadTemplateRegistry({ searchPath, ...(cache ? { cacheDir } : {}) });
  return { registry, resolved: resolveAll(registry) };
}

describe('TemplateParseCache', () => {
  it('gives the same templates, diagnostics and positions from the cache as from parsing', async () => {
    const fresh = await resolvedWith(false);
    await resolvedWith(true);
    expect(readdirSync(cacheDir)).toEqual(['templates-v2.json']);
    const cached = await resolvedWith(true);
    expect(cached.resolved).toEqual(fresh.resolved);
    expect(cached.registry.diagnostics).toEqual(fresh.registry.diagnostics);
    const slug = 'python-ml';
    const path = ['packages', 'system'];
    expect(cached.registry.templates.get(slug)?.locate(path)).toEqual(
      fresh.registry.templates.get(slug)?.locate(path),
    );
  });

  it('finds text inside a value of a cached template where parsing finds it', async () => {
    await mkdir(userDir, { recursive: true });
    await writeFile(
      join(userDir, 'lab.yml'),
      `${lab('a box')}user_data: |\n  echo one\n  echo {{ marker }}\n`,
    );
    const fresh = await resolvedWith(false);
    await resolvedWith(true);
    const cached = await resolvedWith(true);
    const find = { find: '{{ marker }}' };
    const position = cached.registry.templates.get('lab-box')?.locate(['user_data'], find);
    expect(position).toEqual(fresh.registry.templates.get('lab-box')?.locate(['user_data'], find));
    expect(position).toEqual({ line: 7, column: 8 });
  });

  it('parses a file again when its size or mtime changes', async () => {
    await mkdir(userDir, { recursive: true });
    const file = join(userDir, 'lab.yml');
    await writeFile(file, lab('first'));
    expect((await resolvedWith(true)).registry.templates.get('lab-box')?.template.description).toBe('first');
    await writeFile(file, lab('second, longer'));
    expect((await resolvedWith(true)).registry.templates.get('lab-box')?.template.description).toBe(
      'second, longer',
    );
    // The same size as the second: only the mtime tells them apart.
    await writeFile(file, lab('third, longer!'));
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    expect((await resolvedWith(true)).registry.templates.get('lab-box')?.template.description).toBe(
      'third, longer!',
    );
  });

  it('ignores a corrupt or foreign cache file and replaces it', async () => {
    const fresh = await resolvedWith(false);
    await resolvedWith(true);
    const path = join(cacheDir, 'templates-v2.json');
    for (const bad of ['{"format":1,"code":', '{"format":99,"code":"x","entries":{}}', 'null']) {
      await writeFile(path, bad);
      expect((await resolvedWith(true)).resolved).toEqual(fresh.resolved);
      expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ format: 2 });
    }
  });

  it('remembers the findings about each resolved chain, and finds again when a file of it changes', async () => {
    await mkdir(userDir, { recursive: true });
    const file = join(userDir, 'lab.yml');
    await writeFile(file, `${lab('a box')}packages:\n  system: [python3-numpyy]\n`);
    const fresh = await resolvedWith(false);
    const warning = fresh.resolved.diagnostics.find((finding) => finding.file === file);
    expect(warning?.message).toContain('python3-numpyy');
    await resolvedWith(true);
    // Written once the resolution is done: wait for the file to hold this chain's findings.
    const path = join(cacheDir, 'templates-v2.json');
    const stored = async () =>
      JSON.parse(await readFile(path, 'utf8')) as { findings: Record<string, { message: string }[]> };
    await expect
      .poll(async () => Object.keys((await stored()).findings).some((key) => key.includes(file)))
      .toBe(true);
    expect((await resolvedWith(true)).resolved).toEqual(fresh.resolved);

    // What is read back is what the file says: a planted finding proves the validation was skipped.
    const data = await stored();
    const key = Object.keys(data.findings).find((entry) =>
      entry.endsWith(file + '\t' + entry.split('\t').at(-1)),
    );
    expect(key).toBeDefined();
    data.findings[key as string] = [
      { file, line: 1, column: 1, severity: 'warning', message: 'planted' } as never,
    ];
    await writeFile(path, JSON.stringify(data));
    const planted = await resolvedWith(true);
    expect(
      planted.resolved.diagnostics.filter((finding) => finding.file === file).map((f) => f.message),
    ).toEqual(['planted']);

    // A change to the file finds again, and the old chain's findings leave the cache.
    await writeFile(file, `${lab('a box')}packages:\n  system: [python3-numpyy, htop]\n`);
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const changed = await resolvedWith(true);
    const messages = changed.resolved.diagnostics
      .filter((finding) => finding.file === file)
      .map((f) => f.message);
    expect(messages).not.toContain('planted');
    expect(messages.join('\n')).toContain('python3-numpyy');
    await expect.poll(async () => Object.keys((await stored()).findings).includes(key as string)).toBe(false);
  });
});
