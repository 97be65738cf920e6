import { describe, expect, it } from 'vitest';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { UnsafeScriptValuesError } from '../../../source/core/provisioning/UnsafeScriptValuesError.js';
import type { LoadedTemplate } from '../../../source/core/templates/LoadedTemplate.js';
import { parseTemplate } from '../../../source/core/templates/parseTemplate.js';
import { resolveAll } from '../../../source/core/templates/resolveTemplate.js';
import { formatDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';
import { buildTemplateRegistry } from '../../../source/core/templates/TemplateRegistry.js';
import { researchUser } from '../provisioning/provisioningFixtures.js';

/** Every finding of validation across the given files (by name), formatted as the CLI prints them. */
function findings(files: Record<string, string>): string[] {
  const loaded: LoadedTemplate[] = Object.entries(files).map(([file, text]) => {
    const result = parseTemplate(text, { file: `/t/${file}` });
    if (!result.loaded) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
    return result.loaded;
  });
  return resolveAll(buildTemplateRegistry(loaded)).diagnostics.map(formatDiagnostic);
}

const head = 'name: T\nslug: t\nbase: ubuntu-24.04\n';

describe('validation runs the rules user-data generation applies', () => {
  it('reports an unknown placeholder at its own line and column, in any field, and through a child', () => {
    expect(
      findings({
        't.yml': `${head}parameters:\n  ver: {default: "3.11"}\npackages:\n  pip: ["numpy{{.vers}}"]\npost_install: |\n  echo ok\n  echo {{ .ver }} {{.missing}}\n`,
      }),
    ).toEqual([
      '/t/t.yml:7:15: error: unknown placeholder {{.vers}}: declare it under parameters: (declared: ver)',
      '/t/t.yml:10:19: error: unknown placeholder {{.missing}}: declare it under parameters: (declared: ver)',
    ]);
    // Go's way of writing braces that stay: not a placeholder, filled as its text.
    expect(findings({ 't.yml': `${head}post_install: "docker ps --format '{{\`{{.Names}}\`}}'"\n` })).toEqual(
      [],
    );
    expect(findings({ 't.yml': `${head}post_install: 'echo {{ if .x }}'\n` })).toEqual([
      '/t/t.yml:4:21: error: {{ if .x }} is not a placeholder cws-tui fills: only {{.name}} of a declared parameter',
    ]);
    expect(
      findings({
        'p.yml': 'name: P\nslug: p\nbase: ubuntu-24.04\npost_install: "echo {{.who}}"\n',
        'c.yml': 'name: C\nslug: c\ninherits: [p]\n',
      }),
    ).toEqual([
      "/t/c.yml:3:12: error: cannot inherit from 'p': /t/p.yml:4:21: error: unknown placeholder {{.who}}: declare it under parameters: (none declared)",
      '/t/p.yml:4:21: error: unknown placeholder {{.who}}: declare it under parameters: (none declared)',
    ]);
  });

  it('fills a service name from a parameter, and checks the filled name', () => {
    const template = `${head}parameters:\n  unit: {default: "julia-notebook"}\nservices:\n  - name: "{{.unit}}"\n`;
    expect(findings({ 't.yml': template })).toEqual([]);
    expect(findings({ 't.yml': template.replace('julia-notebook', 'Bad Unit') })).toEqual([
      expect.stringMatching(/t\.yml:7:11: error: services\[0\]\.name: "Bad Unit" is not allowed/),
    ]);
  });

  it('places a finding about an inherited user in the file that declared it', () => {
    const all = findings({
      'p.yml': 'name: P\nslug: p\nbase: rocky-9\nusers:\n  - name: rocky\n    password: x\n',
      'c.yml': 'name: C\nslug: c\ninherits: [p]\nusers:\n  - name: ds\n    password: y\n',
    });
    expect(all).toEqual([
      expect.stringMatching(
        /^\/t\/p\.yml:6:15: warning: \(inherited by c\) users\[0\]\.password: the password of rocky/,
      ),
      expect.stringMatching(/^\/t\/c\.yml:6:15: warning: users\[1\]\.password: the password of ds/),
      expect.stringMatching(/^\/t\/p\.yml:6:15: warning: users\[0\]\.password: the password of rocky/),
    ]);
  });

  it('reports a default that fails its own declaration, and a value that would inject, naming the field', () => {
    expect(
      findings({ 't.yml': `${head}parameters:\n  n: {type: int, default: 5, validation: {min: 10}}\n` }),
    ).toEqual([expect.stringMatching(/^\/t\/t\.yml:5:6: error: parameter n: '5' is below 10$/)]);
    expect(
      findings({ 't.yml': `${head}parameters:\n  d: {default: "a b"}\npost_install: "mkdir {{.d}}"\n` }),
    ).toEqual([
      expect.stringMatching(
        /^\/t\/t\.yml:6:15: error: post_install \{\{\.d\}\}: "a b" is not allowed in a boot script \(a plain word/,
      ),
    ]);
  });

  it('refuses every Jupyter setting that would undo the localhost binding or the token, with the fix', () => {
    const errors = findings({
      't.yml': `${head}services:\n  - name: jupyter\n    config:\n      - "c.ServerApp.ip = '0.0.0.0'"\n      - "c.ServerApp.token = ''"\n      - "c.ServerApp.root_dir = '/home'"\n`,
    });
    expect(errors).toEqual([
      expect.stringMatching(
        /^\/t\/t\.yml:7:9: error: services\[0\]\.config: ServerApp\.ip is where the service listens.*cannot set it to '0\.0\.0\.0'; remove it \(the app reaches jupyter through a tunnel/,
      ),
      expect.stringMatching(
        /^\/t\/t\.yml:8:9: error: services\[0\]\.config: ServerApp\.token decides who may use the service/,
      ),
    ]);
  });

  it('warns about a command line in config, a password, user_data and an S3 file without checksum', () => {
    const all = findings({
      't.yml': `${head}users:\n  - name: stats\n    password: secret\nservices:\n  - name: code-server\n    config: ["code-server --auth none"]\nfiles:\n  - s3_bucket: lab-data\n    s3_key: a.csv\n    destination_path: /opt/a.csv\nuser_data: echo legacy\n`,
    });
    expect(all).toEqual([
      expect.stringMatching(
        /t\.yml:9:14: warning: services\[0\]\.config\[0\]: 'code-server --auth none' is a command line/,
      ),
      expect.stringMatching(/t\.yml:14:12: warning: user_data: user_data is not run/),
      expect.stringMatching(
        /t\.yml:11:5: warning: files\[0\]\.checksum: s3:\/\/lab-data\/a\.csv has no checksum/,
      ),
      expect.stringMatching(/t\.yml:6:15: warning: users\[0\]\.password: the password of stats is not set/),
    ]);
  });

  it('refuses an S3 file with a bad bucket name or only_if, and a config line of no known form', () => {
    expect(
      findings({
        't.yml': `${head}files:\n  - s3_bucket: Bad_Bucket\n    s3_key: a\n    destination_path: /opt/a\n    checksum: "${'a'.repeat(64)}"\n`,
      }),
    ).toEqual([
      expect.stringMatching(/t\.yml:5:16: error: files\[0\]\.s3_bucket: "Bad_Bucket" is not allowed/),
    ]);
    expect(
      findings({
        't.yml': `${head}files:\n  - s3_bucket: lab-data\n    s3_key: a\n    destination_path: /opt/a\n    checksum: "${'a'.repeat(64)}"\n    only_if: nothing\n`,
      }),
    ).toEqual([
      expect.stringMatching(
        /t\.yml:9:14: error: files\[0\]\.only_if: "nothing" is not allowed .*only_if is a parameter name/,
      ),
    ]);
    expect(
      findings({ 't.yml': `${head}services:\n  - name: rstudio-server\n    config: ["just words"]\n` }),
    ).toEqual([
      expect.stringMatching(
        /t\.yml:6:14: error: services\[0\]\.config\[0\]: an RStudio setting is key=value/,
      ),
    ]);
  });
});

describe('validation reports every value generation would refuse, not only the first', () => {
  const template = `${head}parameters:\n  unit: {default: "Bad Unit"}\nservices:\n  - name: "{{.unit}}"\n  - name: rstudio-server\n    config: ["just words"]\nfiles:\n  - s3_bucket: Bad_Bucket\n    s3_key: a\n    destination_path: /opt/a\n    checksum: "${'a'.repeat(64)}"\n`;

  it('points at each of three refused values in one template', () => {
    expect(findings({ 't.yml': template })).toEqual([
      expect.stringMatching(
        /^\/t\/t\.yml:9:14: error: services\[1\]\.config\[0\]: an RStudio setting is key=value/,
      ),
      expect.stringMatching(/^\/t\/t\.yml:7:11: error: services\[0\]\.name: "Bad Unit" is not allowed/),
      expect.stringMatching(/^\/t\/t\.yml:11:16: error: files\[0\]\.s3_bucket: "Bad_Bucket" is not allowed/),
    ]);
  });

  it('and generation refuses with one error that names all three', () => {
    // Straight to generation: resolution would already refuse the template with these findings.
    const parsed = parseTemplate(template, { file: '/t/t.yml' }).loaded!.template;
    const resolved = { ...parsed, slug: 't', description: '', inheritance_chain: ['t'], source: '/t/t.yml' };
    let refusal: unknown;
    try {
      renderUserData({ template: resolved, distro: 'ubuntu', user: researchUser, launch_id: 'l-1' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UnsafeScriptValuesError);
    const { refusals, message } = refusal as UnsafeScriptValuesError;
    expect(refusals.map((each) => each.field)).toEqual([
      'services[0].name',
      'services[1].config[0]',
      'files[0].s3_bucket',
    ]);
    expect(message).toMatch(
      /^3 values are not allowed in a boot script:\n {2}services\[0\]\.name: "Bad Unit"/,
    );
  });
});
