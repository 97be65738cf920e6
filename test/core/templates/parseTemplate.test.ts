import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_BYTES, parseTemplate } from '../../../source/core/templates/parseTemplate.js';
import { formatDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';

function parse(text: string | Uint8Array) {
  return parseTemplate(text, { file: 'test.yml' });
}

function messages(text: string | Uint8Array): string[] {
  return parse(text).diagnostics.map(formatDiagnostic);
}

describe('parseTemplate', () => {
  it('loads a valid template and derives the slug from the name', () => {
    const result = parse('name: Rocky Linux 9 Base\nbase: rocky-9\npackage_manager: dnf\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.loaded?.slug).toBe('rocky-linux-9-base');
    expect(result.loaded?.template.base).toBe('rocky-9');
    expect(result.loaded?.origin).toBe('path');
  });

  it('keeps a declared slug', () => {
    expect(parse('name: Anything\nslug: my-slug\n').loaded?.slug).toBe('my-slug');
  });

  it('warns about an unknown key with its line and the closest known key, and drops it', () => {
    const result = parse('name: x\nbase: ubuntu-24.04\npakages:\n  system: [git]\n');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "test.yml:3:1: warning: unknown key 'pakages' (closest known key: 'packages'); it is ignored",
    ]);
    expect(result.loaded?.template).toEqual({ name: 'x', base: 'ubuntu-24.04' });
  });

  it('names the section of a nested unknown key', () => {
    expect(messages('name: x\ninstance_defaults:\n  typ: t3.large\n')).toEqual([
      "test.yml:3:3: warning: unknown key 'typ' in instance_defaults (closest known key: 'type'); it is ignored",
    ]);
  });

  it('reads ami_config as part of the format (what it means depends on the base: see amiBases)', () => {
    expect(messages('name: x\nbase: al2023\nami_config:\n  amis: {}\n')).toEqual([]);
  });

  it('reports a port of 70000 where it is written', () => {
    expect(messages('name: x\nports: [22, 70000]\n')).toEqual([
      'test.yml:2:13: error: ports[1]: a port is 1-65535 (found 70000)',
    ]);
  });

  it('reports a user name with a space where it is written', () => {
    const result = parse('name: x\nusers:\n  - name: jane doe\n');
    expect(result.loaded).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'test.yml:3:11: error: users[0].name: a user name is lowercase letters, digits, _ or - (max 32) (found "jane doe")',
    ]);
  });

  it('reports a missing required field and wrong types', () => {
    expect(messages('description: no name\n')).toEqual([
      "test.yml:1:1: error: missing required field 'name'",
    ]);
    expect(messages('name: [a]\npopular: maybe\n')).toEqual([
      'test.yml:1:7: error: name: expected text, found a list',
      'test.yml:2:10: error: popular: expected true or false, found "maybe"',
    ]);
  });

  it('lists the allowed values of an enum', () => {
    expect(messages('name: x\nconnection_type: rdp\n')).toEqual([
      'test.yml:2:18: error: connection_type: "rdp" is not one of ssh, web, dcv, auto',
    ]);
  });

  it('validates service_config per kind', () => {
    expect(messages('name: x\nservice_config:\n  kind: jupyterhub\n')).toEqual([
      'test.yml:3:9: error: service_config.kind: "jupyterhub" is not one of sagemaker-studio, sagemaker-canvas, studio-lab',
    ]);
    expect(
      messages('name: x\nservice_config:\n  kind: sagemaker-studio\n  idle_timeout_minutes: 5\n'),
    ).toEqual([
      'test.yml:4:25: error: service_config.idle_timeout_minutes: SageMaker idle shutdown is 60-525600 minutes (found 5)',
    ]);
    // SageMaker has no idle shutdown for Canvas: a timeout there is flagged, never silently promised.
    expect(
      messages('name: x\nservice_config:\n  kind: sagemaker-canvas\n  idle_timeout_minutes: 120\n'),
    ).toEqual([
      expect.stringMatching(/^test\.yml:4:3: warning: unknown key 'idle_timeout_minutes' in service_config/),
    ]);
    expect(messages('name: x\nservice_config:\n  kind: sagemaker-canvas\n  app_type: JupyterLab\n')).toEqual([
      "test.yml:4:3: warning: unknown key 'app_type' in service_config (closest known key: 'kind'); it is ignored",
    ]);
  });

  it('keeps CloudWorkstation service config lines as written, for the service to read in its own syntax', () => {
    const result = parse(
      'name: x\nservices:\n  - name: rstudio-server\n    config: ["www-port=8787", "# comment", "auth-timeout-minutes: 30"]\n',
    );
    expect(result.loaded?.template.services?.[0]?.config).toEqual([
      'www-port=8787',
      '# comment',
      'auth-timeout-minutes: 30',
    ]);
    expect(messages('name: x\nservices:\n  - name: s\n    config: [3]\n')).toEqual([
      expect.stringMatching(/^test\.yml:4:\d+: error: services\[0\]\.config/),
    ]);
  });

  it('reports malformed YAML once, at the first syntax error', () => {
    const result = parse('name: x\n  base: [\n');
    expect(result.loaded).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(formatDiagnostic(result.diagnostics[0]!)).toMatch(/^test\.yml:1:7: error: YAML syntax: /);
  });

  it('rejects duplicate keys, lists and empty files', () => {
    expect(messages('name: a\nname: b\n')[0]).toMatch(
      /^test\.yml:2:1: error: YAML syntax: Map keys must be unique/,
    );
    expect(messages('- name: x\n')).toEqual([
      'test.yml:1:1: error: a template is a YAML mapping (name: ..., base: ...), found a list',
    ]);
    expect(messages('')).toEqual([
      'test.yml:1:1: error: a template is a YAML mapping (name: ..., base: ...), found an empty file',
    ]);
  });

  it('refuses a file that is not UTF-8, pointing at the first bad byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('name: x\ndescription: caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    expect(messages(bytes)).toEqual([
      'test.yml:2:17: error: file is not UTF-8 (byte 0xE9 is not valid here); save it as UTF-8',
    ]);
    const utf16 = Buffer.from('\ufeffname: x\n', 'utf16le');
    expect(messages(utf16)[0]).toMatch(/^test\.yml:1:1: error: file is not UTF-8 \(byte 0xFF/);
  });

  it('accepts UTF-8 with a byte order mark and non-ASCII text', () => {
    const result = parse(Buffer.from('\ufeffname: Café Ωmega 🧬\n', 'utf8'));
    expect(result.diagnostics).toEqual([]);
    expect(result.loaded?.slug).toBe('cafe-mega');
  });

  it('refuses a 5 MB file without parsing it', () => {
    const big = `name: x\ndescription: ${'a'.repeat(5 * 1024 * 1024)}\n`;
    expect(messages(big)).toEqual(['test.yml:1:1: error: file is 5.0 MB; a template is at most 1.0 MB']);
    expect(MAX_TEMPLATE_BYTES).toBe(1024 * 1024);
  });

  it('refuses a name that gives no slug', () => {
    expect(messages('name: "🧬🧬"\n')).toEqual([
      'test.yml:1:7: error: cannot derive a slug from the name; add a `slug:` line',
    ]);
  });

  it('survives alias bombs', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 8 }, (_, i) => {
        const previous = i === 0 ? 'a' : `l${i - 1}`;
        return `l${i}: &l${i} [${Array(10).fill(`*${previous}`).join(', ')}]`;
      }),
      'name: x',
    ].join('\n');
    const result = parse(bomb);
    expect(result.loaded).toBeUndefined();
    expect(result.diagnostics[0]?.severity).toBe('error');
  });

  it('locates values, keys and absent paths', () => {
    const loaded = parse('name: x\nusers:\n  - name: alice\n    groups: [admin]\n').loaded!;
    expect(loaded.locate(['users', 0, 'groups', 0])).toEqual({ line: 4, column: 14 });
    expect(loaded.locate(['users', 0, 'shell'])).toEqual({ line: 3, column: 5 });
    expect(loaded.locate(['base'])).toEqual({ line: 1, column: 1 });
  });
});

describe('parseTemplate compatibility', () => {
  it("reads CloudWorkstation's connection_type all and both as auto", () => {
    expect(parse('name: x\nconnection_type: all\n').loaded?.template.connection_type).toBe('auto');
    expect(parse('name: x\nconnection_type: both\n').loaded?.template.connection_type).toBe('auto');
  });
});
