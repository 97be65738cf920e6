import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../../source/core/paths.js';
import { builtinTemplatesDir } from '../../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateFile } from '../../../source/core/templates/loadTemplateFile.js';
import {
  loadTemplatePaths,
  loadTemplateRegistry,
} from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveTemplate } from '../../../source/core/templates/resolveTemplate.js';
import { formatDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';
import { templateSearchPath } from '../../../source/core/templates/templateSearchPath.js';
import { validateTemplates } from '../../../source/core/templates/validateTemplates.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cws-templates-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(path: string, content: string | Uint8Array): Promise<string> {
  const full = join(root, path);
  await mkdir(join(full, '..'), { recursive: true });
  await writeFile(full, content);
  return full;
}

function envFor(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    HOME: join(root, 'home'),
    CWS_CONFIG_DIR: join(root, 'config'),
    CWS_STATE_DIR: join(root, 'state'),
    CWS_BUILTIN_TEMPLATES: join(root, 'builtin'),
    ...extra,
  };
}

describe('templateSearchPath', () => {
  it('is the built-ins, then the user directory, then CWS_TEMPLATE_PATH in order', () => {
    const env = envFor({ CWS_TEMPLATE_PATH: `${root}/a::${root}/b` });
    expect(templateSearchPath(env)).toEqual([
      { directory: join(root, 'builtin'), origin: 'builtin' },
      {
        directory: resolveAppPaths(env).userTemplatesDir,
        origin: 'user',
        trustDir: resolveAppPaths(env).configDir,
      },
      { directory: `${root}/a`, origin: 'env' },
      { directory: `${root}/b`, origin: 'env' },
    ]);
  });

  it('finds the shipped templates/ directory from the source tree', () => {
    expect(builtinTemplatesDir({})).toMatch(/\/templates$/);
    expect(builtinTemplatesDir({ CWS_BUILTIN_TEMPLATES: '/x' })).toBe('/x');
  });
});

describe('loadTemplateRegistry', () => {
  it('lets a later directory shadow an earlier one with the same slug, and records which file won', async () => {
    const builtin = await write(
      'builtin/base.yml',
      'name: Base\nslug: base\nbase: ubuntu-24.04\ndescription: built-in\n',
    );
    const user = await write(
      'config/templates/base.yaml',
      'name: Base\nslug: base\nbase: ubuntu-22.04\ndescription: mine\n',
    );
    const extra = await write(
      'extra/base.yml',
      'name: Base\nslug: base\nbase: al2023\ndescription: project\n',
    );
    await write('extra/other.yml', 'name: Other\ninherits: [base]\n');
    await write('extra/notes.txt', 'not a template');
    await write('extra/.hidden.yml', 'not: [valid');
    const registry = await loadTemplateRegistry({
      searchPath: templateSearchPath(envFor({ CWS_TEMPLATE_PATH: join(root, 'extra') })),
    });
    expect(registry.diagnostics).toEqual([]);
    expect(registry.templates.get('base')?.source).toBe(extra);
    expect(registry.templates.get('base')?.origin).toBe('env');
    expect(registry.shadowed).toEqual([
      { slug: 'base', source: builtin, shadowedBy: user, origin: 'builtin' },
      { slug: 'base', source: user, shadowedBy: extra, origin: 'user' },
    ]);
    expect(resolveTemplate('other', registry).base).toBe('al2023');
  });

  it('warns when two files in one directory share a slug', async () => {
    await write('builtin/a.yml', 'name: A\nslug: same\nbase: al2023\n');
    const second = await write('builtin/b.yml', 'name: B\nslug: same\nbase: al2023\n');
    const registry = await loadTemplateRegistry({ searchPath: templateSearchPath(envFor()) });
    expect(registry.diagnostics.map(formatDiagnostic)).toEqual([
      `${second}:2:7: warning: slug 'same' is also used by ${join(root, 'builtin/a.yml')}; this file wins`,
    ]);
  });

  it('skips a missing user directory quietly but reports a missing CWS_TEMPLATE_PATH entry', async () => {
    await write('builtin/a.yml', 'name: A\nbase: al2023\n');
    const registry = await loadTemplateRegistry({
      searchPath: templateSearchPath(envFor({ CWS_TEMPLATE_PATH: join(root, 'nowhere') })),
    });
    expect(registry.templates.size).toBe(1);
    expect(registry.diagnostics.map(formatDiagnostic)).toEqual([
      `${join(root, 'nowhere')}: warning: cannot read: no such file or directory`,
    ]);
  });

  it('loads the other templates when some files are broken', async () => {
    await write('builtin/good.yml', 'name: Good\nbase: al2023\n');
    await write('builtin/malformed.yml', 'name: [unclosed\n');
    await write('builtin/big.yml', Buffer.alloc(5 * 1024 * 1024, 0x61));
    await write('builtin/latin1.yml', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    const registry = await loadTemplateRegistry({ searchPath: templateSearchPath(envFor()) });
    expect([...registry.templates.keys()]).toEqual(['good']);
    expect(registry.diagnostics.map(formatDiagnostic)).toEqual([
      `${join(root, 'builtin/big.yml')}:1:1: error: file is 5.0 MB; a template is at most 1.0 MB`,
      `${join(root, 'builtin/latin1.yml')}:1:7: error: file is not UTF-8 (byte 0xE9 is not valid here); save it as UTF-8`,
      expect.stringMatching(/malformed\.yml:2:1: error: YAML syntax: /),
    ]);
  });

  it('reports a path it cannot read as a template', async () => {
    const directory = join(root, 'folder.yml');
    await mkdir(directory);
    const result = await loadTemplateFile(directory);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${directory}: error: cannot read: is a directory`,
    ]);
    expect(result.loaded).toBeUndefined();
  });
});

describe('validateTemplates', () => {
  it('checks given files against parents on the search path and counts them once', async () => {
    await write('builtin/base.yml', 'name: Base\nslug: base\nbase: ubuntu-24.04\n');
    const child = await write('work/child.yml', 'name: Child\ninherits: [base]\nports: [70000]\n');
    const orphan = await write('work/orphan.yml', 'name: Orphan\ninherits: [missing]\n');
    const ok = await write('work/ok.yml', 'name: Ok\ninherits: [base]\n');
    const searchPath = templateSearchPath(envFor());
    const result = await validateTemplates({ searchPath, paths: [join(root, 'work')] });
    expect(result.files).toBe(3);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${child}:3:9: error: ports[0]: a port is 1-65535 (found 70000)`,
      `${orphan}:2:12: error: parent 'missing' is not a template on the search path; chain: orphan -> missing`,
    ]);
    expect((await validateTemplates({ searchPath, paths: [ok] })).diagnostics).toEqual([]);
    const whole = await validateTemplates({ searchPath, paths: [join(root, 'builtin')] });
    expect(whole).toEqual({ files: 1, diagnostics: [] });
  });

  it('reports a path that does not exist', async () => {
    const result = await validateTemplates({ searchPath: [], paths: [join(root, 'missing.yml')] });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${join(root, 'missing.yml')}: error: cannot read: no such file or directory`,
    ]);
  });
});

describe('loadTemplatePaths', () => {
  it('loads a file named twice, directly and through its directory, once', async () => {
    const file = await write('work/a.yml', 'name: A\nbase: al2023\n');
    const result = await loadTemplatePaths([file, join(root, 'work'), `${root}/work/../work/a.yml`], 'path');
    expect(result.loaded.map((template) => template.source)).toEqual([file]);
    expect(result.diagnostics).toEqual([]);
  });
});
