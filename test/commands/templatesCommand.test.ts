import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTemplatesCommand } from '../../source/commands/templatesCommand.js';
import { ConfigStore } from '../../source/core/config/ConfigStore.js';
import { defaultFlags, runCommand, testEnvironment } from './commandHarness.js';

const badFixtures = fileURLToPath(new URL('../fixtures/templates/bad', import.meta.url));

async function userTemplate(env: NodeJS.ProcessEnv, file: string, text: string): Promise<string> {
  const directory = join(env.CWS_CONFIG_DIR!, 'templates');
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, file), text);
  return join(directory, file);
}

describe('templates list', () => {
  it('--json lists the built-ins with the format field names and the file each came from', async () => {
    const { code, stdout, stderr } = await runCommand(runTemplatesCommand, ['list'], testEnvironment(), {
      json: true,
    });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const list = JSON.parse(stdout) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThanOrEqual(12);
    const python = list.find((entry) => entry.slug === 'python-ml')!;
    expect(python).toMatchObject({
      slug: 'python-ml',
      name: 'Python Machine Learning',
      base: 'ubuntu-24.04',
      connection_type: 'web',
      origin: 'builtin',
      inheritance_chain: ['ubuntu-24-04', 'jupyter-server', 'python-ml'],
    });
    expect(python.source).toMatch(/templates\/python-ml\.yml$/);
    expect(list.find((entry) => entry.slug === 'sagemaker-canvas')).toMatchObject({
      base: null,
      service_kind: 'sagemaker-canvas',
    });
  });

  it('shows which file won when a user template shadows a built-in', async () => {
    const env = testEnvironment();
    const mine = await userTemplate(
      env,
      'mine.yml',
      'name: My Ubuntu\nslug: ubuntu-24-04\nbase: ubuntu-24.04\n',
    );
    const table = await runCommand(runTemplatesCommand, ['list'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^SLUG +NAME +CONNECT +BASE +SIZES +SOURCE$/m);
    expect(table.stdout).toContain(`ubuntu-24-04 *`);
    expect(table.stdout).toContain(mine);
    expect(table.stdout).toMatch(
      /ubuntu-24-04: \S+templates\/ubuntu-24\.04\.yml \(shadowed by .*mine\.yml\)/,
    );
    expect(table.stdout).toMatch(/python-ml .* built-in python-ml\.yml/);
    const json = JSON.parse(
      (await runCommand(runTemplatesCommand, ['list'], env, { json: true })).stdout,
    ) as Record<string, unknown>[];
    const shadowing = json.find((entry) => entry.slug === 'ubuntu-24-04')!;
    expect(shadowing.source).toBe(mine);
    expect(shadowing.shadows).toEqual([expect.stringMatching(/templates\/ubuntu-24\.04\.yml$/)]);
  });

  it('still lists the good templates when one is broken, and says so on stderr', async () => {
    const env = testEnvironment();
    await userTemplate(env, 'broken.yml', 'name: Broken\nbase: ubuntu-24.04\nports: [70000]\n');
    const { code, stdout, stderr } = await runCommand(runTemplatesCommand, ['list'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('python-ml');
    expect(stdout).not.toContain('Broken');
    expect(stderr).toContain(
      "1 error in templates; templates with errors are not listed. Run 'cws-tui templates validate'",
    );
  });

  it('--profile-filtered hides templates the profile policy does not allow', async () => {
    const env = testEnvironment();
    const store = ConfigStore.open(env.CWS_CONFIG_DIR!);
    store.addProfile({
      name: 'lab',
      aws_profile: 'default',
      region: 'us-east-1',
      policy: { templates: { allow: ['ubuntu-*', 'python-ml'] } },
      policy_chain: [],
      kind: 'personal',
      role: 'member',
      can_invite: false,
      created_at: '2026-11-26T00:00:00.000Z',
    });
    const { code, stdout } = await runCommand(runTemplatesCommand, ['list'], env, {
      json: true,
      profileFiltered: true,
    });
    expect(code).toBe(0);
    const slugs = (JSON.parse(stdout) as { slug: string }[]).map((entry) => entry.slug);
    expect(slugs).toEqual(['python-ml', 'ubuntu-22-04', 'ubuntu-24-04']);
  });
});

describe('templates show', () => {
  it('prints the resolved template as YAML with its inheritance chain', async () => {
    const { code, stdout } = await runCommand(runTemplatesCommand, ['show', 'python-ml'], testEnvironment());
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^# python-ml: resolved from ubuntu-24-04 -> jupyter-server -> python-ml\n# source: .*python-ml\.yml\n/,
    );
    expect(stdout).toContain('base: ubuntu-24.04');
    expect(stdout).toContain('    - jupyterlab');
    expect(stdout).toContain('    - pytorch');
  });

  it('--json gives the resolved template with source, by slug or by name', async () => {
    const env = testEnvironment();
    const { code, stdout } = await runCommand(runTemplatesCommand, ['show', 'Bioinformatics'], env, {
      json: true,
    });
    expect(code).toBe(0);
    const template = JSON.parse(stdout) as Record<string, unknown>;
    expect(template).toMatchObject({
      slug: 'bioinformatics',
      base: 'ubuntu-24.04',
      connection_type: 'web',
      origin: 'builtin',
    });
    expect(template.source).toMatch(/bioinformatics\.yml$/);
    expect((template.services as { name: string }[]).map((service) => service.name)).toEqual(['jupyterlab']);
  });

  it('fails clearly for an unknown or broken template and for a missing slug', async () => {
    const env = testEnvironment();
    await expect(runCommand(runTemplatesCommand, ['show', 'pyhton-ml'], env)).rejects.toThrow(
      "no template 'pyhton-ml' (closest: 'python-ml'); 'cws-tui templates list' shows them all",
    );
    await expect(runCommand(runTemplatesCommand, ['show'], env)).rejects.toMatchObject({ exitCode: 2 });
    await userTemplate(env, 'loop.yml', 'name: Loop\nslug: loop\ninherits: [loop]\n');
    let stderr = '';
    await expect(
      runTemplatesCommand({
        args: ['show', 'loop'],
        flags: defaultFlags(),
        env,
        stdout: () => undefined,
        stderr: (text) => {
          stderr += text;
        },
      }),
    ).rejects.toThrow("template 'loop' cannot be resolved");
    expect(stderr).toMatch(/loop\.yml:3:12: error: inheritance cycle: loop -> loop\n$/);
  });
});

describe('templates validate', () => {
  it('passes the built-in templates', async () => {
    const { code, stdout, stderr } = await runCommand(runTemplatesCommand, ['validate'], testEnvironment());
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ok: \d+ template files checked, 0 errors, 0 warnings\n$/);
  });

  it('catches every bad input with its location and exits 1', async () => {
    const env = testEnvironment();
    const work = join(env.HOME!, 'work');
    await mkdir(work, { recursive: true });
    await writeFile(join(work, 'huge.yml'), Buffer.alloc(5 * 1024 * 1024, 0x61));
    await writeFile(join(work, 'latin1.yml'), Buffer.from('name: Caf\xe9\n', 'latin1'));
    const { code, stdout, stderr } = await runCommand(
      runTemplatesCommand,
      ['validate', badFixtures, work],
      env,
    );
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines).toEqual(
      expect.arrayContaining([
        `${badFixtures}/inherits-itself.yml:5:5: error: inheritance cycle: inherits-itself -> inherits-itself`,
        expect.stringMatching(new RegExp(`^${badFixtures}/malformed\\.yml:4:1: error: YAML syntax: `)),
        `${badFixtures}/missing-parent.yml:4:5: error: parent 'no-such-template' is not a template on the search path; chain: missing-parent -> no-such-template`,
        `${badFixtures}/port-70000.yml:4:15: error: instance_defaults.ports[1]: a port is 1-65535 (found 70000)`,
        `${badFixtures}/user-with-space.yml:4:11: error: users[0].name: a user name is lowercase letters, digits, _ or - (max 32) (found "jane doe")`,
        `${work}/huge.yml:1:1: error: file is 5.0 MB; a template is at most 1.0 MB`,
        `${work}/latin1.yml:1:10: error: file is not UTF-8 (byte 0xE9 is not valid here); save it as UTF-8`,
      ]),
    );
    expect(stderr).toBe('failed: 7 template files checked, 7 errors, 0 warnings\n');
  });

  it('exits 0 on warnings only, and --json reports the diagnostics', async () => {
    const env = testEnvironment();
    const file = await userTemplate(env, 'typo.yml', 'name: Typo\nbase: al2023\ndescripton: oops\n');
    const text = await runCommand(runTemplatesCommand, ['validate', file], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      `${file}:3:1: warning: unknown key 'descripton' (closest known key: 'description'); it is ignored\n`,
    );
    const json = await runCommand(runTemplatesCommand, ['validate', file], env, { json: true });
    expect(JSON.parse(json.stdout)).toEqual({
      ok: true,
      files: 1,
      errors: 0,
      warnings: 1,
      diagnostics: [
        {
          file,
          line: 3,
          column: 1,
          severity: 'warning',
          message: "unknown key 'descripton' (closest known key: 'description'); it is ignored",
        },
      ],
    });
  });
});

describe('templates', () => {
  it('needs a known subcommand', async () => {
    const env = testEnvironment();
    await expect(runCommand(runTemplatesCommand, [], env)).rejects.toMatchObject({ exitCode: 2 });
    await expect(runCommand(runTemplatesCommand, ['lsit'], env)).rejects.toThrow(
      "unknown templates subcommand 'lsit'",
    );
    await expect(runCommand(runTemplatesCommand, ['list', 'extra'], env)).rejects.toMatchObject({
      exitCode: 2,
    });
  });
});
