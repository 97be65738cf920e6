import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Distro } from '../../../source/core/images/baseImages.js';
import { USER_DATA_LIMIT_BYTES } from '../../../source/core/provisioning/encodeUserDataPayload.js';
import { renderIdleAgentScript } from '../../../source/core/provisioning/renderIdleAgent.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { UnavailablePackagesError } from '../../../source/core/provisioning/UnavailablePackagesError.js';
import type { UserDataInput } from '../../../source/core/provisioning/UserDataInput.js';
import { UserDataTooLargeError } from '../../../source/core/provisioning/UserDataTooLargeError.js';
import type { ResolvedTemplate } from '../../../source/core/templates/templateSchema.js';
import {
  basicTemplate,
  FIXTURE_TEMPLATES,
  pythonMlTemplate,
  researchUser,
  rResearchTemplate,
} from './provisioningFixtures.js';
import { bashSyntaxErrors, hasShellcheck, shellcheckFindings } from './scriptChecks.js';

const DISTROS: Distro[] = ['ubuntu', 'rocky', 'al2023'];
const efs = { file_system_id: 'fs-0123abcd', access_point_id: 'fsap-0123456789abcdef0', region: 'eu-west-1' };

const input = (overrides: Partial<UserDataInput> = {}): UserDataInput => ({
  template: pythonMlTemplate,
  distro: 'ubuntu',
  user: researchUser,
  launch_id: 'req-0001',
  efs,
  ...overrides,
});

const supported = FIXTURE_TEMPLATES.flatMap((template) =>
  DISTROS.filter((distro) => !(template === rResearchTemplate && distro === 'al2023')).map((distro) => ({
    template,
    distro,
  })),
);

describe('renderUserData', () => {
  describe.each(supported)('$template.slug on $distro', ({ template, distro }) => {
    const userData = renderUserData(input({ template, distro }));

    it('matches its snapshot', () => {
      expect(userData.script).toMatchSnapshot();
    });

    it('parses with bash -n', () => {
      expect(bashSyntaxErrors(userData.script)).toBe('');
    });

    it.skipIf(!hasShellcheck)('has no shellcheck finding at any severity', () => {
      expect(shellcheckFindings(userData.script)).toBe('');
    });

    it('fits the user data limit (gzip, which cloud-init unpacks) and says what is in it, agent first', () => {
      expect(userData.payload.length).toBeLessThanOrEqual(USER_DATA_LIMIT_BYTES);
      const unpacked = userData.compressed ? gunzipSync(userData.payload) : userData.payload;
      expect(unpacked.toString('utf8')).toBe(userData.script);
      expect(userData.bytes).toBe(Buffer.byteLength(userData.script));
      expect(userData.sections.reduce((sum, section) => sum + section.bytes, 0)).toBeLessThanOrEqual(
        userData.bytes,
      );
      const names = userData.sections.map((section) => section.name);
      expect(names.slice(0, 6)).toEqual(['prelude', 'idle-agent', 'user', 'packages', 'efs', 'files']);
      expect(names.at(-1)).toBe('finish');
      expect(names).toContain('services');
      // The GPU driver comes before the frameworks that pick CUDA builds from it.
      for (const framework of ['conda', 'pip'].filter((name) => names.includes(name))) {
        expect(names.indexOf('gpu-driver')).toBeLessThan(names.indexOf(framework));
      }
    });
  });

  it.skipIf(!hasShellcheck)('renders an idle agent that shellcheck and bash -n accept', () => {
    const agent = renderIdleAgentScript({ idleMinutes: 30, hibernateMinutes: 15, intervalMinutes: 5 });
    expect(bashSyntaxErrors(agent)).toBe('');
    expect(shellcheckFindings(agent)).toBe('');
  });

  it('names each distro its own package manager, admin group and package names', () => {
    const ubuntu = renderUserData(input({ template: rResearchTemplate })).script;
    const rocky = renderUserData(input({ template: rResearchTemplate, distro: 'rocky' })).script;
    expect(ubuntu).toContain("cws_apt install -y 'curl'");
    expect(ubuntu).toContain('apt-get -o DPkg::Lock::Timeout=600 "$@"');
    expect(ubuntu).toContain("'r-base' 'r-base-dev' 'libcurl4-openssl-dev' 'libssl-dev' 'libxml2-dev'");
    expect(ubuntu).toContain('--groups sudo');
    expect(rocky).toContain("dnf install -y --allowerasing 'curl'");
    expect(rocky).toContain("'R' 'R-devel' 'libcurl-devel' 'openssl-devel' 'libxml2-devel'");
    expect(rocky).toContain('dnf config-manager --set-enabled crb');
    expect(rocky).toContain('dnf install -y epel-release');
    expect(rocky).toContain('--groups wheel');
    expect(rocky).not.toContain('apt-get');
  });

  it('fails at generation time when the distro lacks a package, naming it', () => {
    expect(() => renderUserData(input({ template: rResearchTemplate, distro: 'al2023' }))).toThrowError(
      new UnavailablePackagesError('r-research', 'al2023', [
        { name: 'r-base', reason: 'not-shipped' },
        { name: 'r-base-dev', reason: 'not-shipped' },
      ]),
    );
    const aptOnly: ResolvedTemplate = {
      ...basicTemplate,
      package_manager: 'apt',
      packages: { system: ['libmagick++-dev'] },
    };
    expect(() => renderUserData(input({ template: aptOnly, distro: 'rocky' }))).toThrowError(
      /cannot be provisioned on rocky: libmagick\+\+-dev \(no known name\)/,
    );
    expect(renderUserData(input({ template: aptOnly, distro: 'ubuntu' })).script).toContain(
      "'libmagick++-dev'",
    );
  });

  it('holds no secret: each web service makes its own on the instance and stores it in Parameter Store', () => {
    const first = renderUserData(input({ template: pythonMlTemplate }));
    expect(first.script).toBe(renderUserData(input({ template: pythonMlTemplate })).script);
    expect(first.service_secrets).toEqual(['jupyter']);
    expect(first.script).toContain('cws_service_secret jupyter');
    expect(first.script).not.toMatch(/[0-9a-f]{32}/);
    expect(renderUserData(input({ template: rResearchTemplate })).service_secrets).toEqual(['rstudio']);
    expect(renderUserData(input({ template: basicTemplate, distro: 'rocky' })).service_secrets).toEqual([
      'code-server',
    ]);
  });

  it('places post_install verbatim, with a heredoc delimiter its lines cannot end early', () => {
    const postInstall = 'echo \'one\' "$HOME" `id`\nCWS_POST_INSTALL\necho two\n';
    const { script } = renderUserData(
      input({ template: { ...pythonMlTemplate, post_install: postInstall } }),
    );
    expect(script).toContain(`<<'CWS_POST_INSTALL_1'\n${postInstall}CWS_POST_INSTALL_1\n`);
    expect(bashSyntaxErrors(script)).toBe('');
  });

  it('mounts EFS through the helper with TLS and the access point on Amazon Linux 2023 only', () => {
    const al2023 = renderUserData(input({ distro: 'al2023' }));
    expect(al2023.script).toContain(
      "cws_efs_mount '/efs/home/alice' efs 'fs-0123abcd:/' 'tls,accesspoint=fsap-0123456789abcdef0'",
    );
    expect(al2023.script).not.toContain('nfs-fallback');
    expect(al2023.diagnostics).toEqual([]);
    const rocky = renderUserData(input({ distro: 'rocky' }));
    expect(rocky.script).toContain('nfs-fallback');
    expect(rocky.diagnostics).toContainEqual(expect.objectContaining({ field: 'efs', level: 'warning' }));
    expect(renderUserData(input({ efs: undefined })).script).toContain(
      'cws_note "no EFS file system requested"',
    );
  });

  it('leaves the idle agent out when the template has no idle_detection or disables it', () => {
    for (const template of [
      basicTemplate,
      { ...basicTemplate, idle_detection: { enabled: false, idle_threshold_minutes: 5 } },
    ]) {
      const { script } = renderUserData(input({ template }));
      expect(script).not.toContain('cws_start cws-idle-agent.service');
      expect(script).toContain('idle detection is off');
    }
  });

  it('installs the idle agent for an idle_detection block: hibernate when a threshold says so, else stop', () => {
    const agentOf = (idle_detection: ResolvedTemplate['idle_detection']) =>
      renderUserData(input({ template: { ...basicTemplate, idle_detection } })).script;
    const both = agentOf({ idle_threshold_minutes: 20, hibernate_threshold_minutes: 45 });
    expect(both).toContain(
      'readonly IDLE_MINUTES=20\nreadonly HIBERNATE_MINUTES=45\nreadonly INTERVAL_MINUTES=5\n',
    );
    expect(both).toContain('cws_note "idle agent: hibernate after 45 idle minutes, marked idle after 20"');
    const stopOnly = agentOf({ enabled: true, idle_threshold_minutes: 30, check_interval_minutes: 10 });
    expect(stopOnly).toContain(
      'readonly IDLE_MINUTES=30\nreadonly HIBERNATE_MINUTES=0\nreadonly INTERVAL_MINUTES=10\n',
    );
    expect(stopOnly).toContain('cws_note "idle agent: stop after 30 idle minutes"');
    expect(agentOf({ enabled: true })).toContain('readonly IDLE_MINUTES=60\n');
  });

  it('gzip-compresses a script over 16 KB, which cloud-init unpacks', () => {
    const largeFile = { path: '/etc/cws/notes.txt', content: 'research notes line\n'.repeat(1200) };
    const userData = renderUserData(input({ template: { ...basicTemplate, files: [largeFile] } }));
    expect(userData.bytes).toBeGreaterThan(USER_DATA_LIMIT_BYTES);
    expect(userData.compressed).toBe(true);
    expect(userData.payload.length).toBeLessThanOrEqual(USER_DATA_LIMIT_BYTES);
    expect(gunzipSync(userData.payload).toString('utf8')).toBe(userData.script);
  });

  it('fails with the size and the biggest parts when even gzip does not fit', () => {
    // xorshift32: deterministic bytes that gzip cannot shrink.
    let state = 2463534242;
    const noise = Buffer.alloc(30_000);
    for (let index = 0; index < noise.length; index += 1) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      noise[index] = state & 0xff;
    }
    const template = {
      ...basicTemplate,
      files: [{ path: '/etc/cws/blob', content: noise.toString('latin1') }],
    };
    let error: unknown;
    try {
      renderUserData(input({ template }));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserDataTooLargeError);
    const tooLarge = error as UserDataTooLargeError;
    expect(tooLarge.compressedBytes).toBeGreaterThan(USER_DATA_LIMIT_BYTES);
    expect(tooLarge.largestSections[0]?.name).toBe('files');
    expect(tooLarge.message).toMatch(
      /^the boot script is \d+ bytes \(\d+ gzip-compressed\), over EC2's 16384-byte .*files \d+ B/,
    );
  });

  it('reports template fields it does not run', () => {
    const template: ResolvedTemplate = {
      ...basicTemplate,
      user_data: 'echo legacy',
      users: [{ name: 'ubuntu', password: 'hunter2' }],
      packages: { ...basicTemplate.packages, spack: ['hdf5'] },
    };
    const userData = renderUserData(input({ template, efs: undefined }));
    const fields = userData.diagnostics.map((item) => item.field);
    expect(fields).toEqual(['packages.spack', 'user_data', 'users[0].password']);
    // The user is made; its password never reaches the script.
    expect(userData.script).toContain("useradd --create-home --user-group --shell '/bin/bash' 'ubuntu'");
    expect(userData.script).not.toContain('hunter2');
  });
});
