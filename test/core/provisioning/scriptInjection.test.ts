import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResearchUser } from '../../../source/core/identity/ResearchUser.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import { shellQuote } from '../../../source/core/provisioning/shellQuote.js';
import { UnsafeScriptValueError } from '../../../source/core/provisioning/UnsafeScriptValueError.js';
import type { UserDataInput } from '../../../source/core/provisioning/UserDataInput.js';
import type { ResolvedTemplate } from '../../../source/core/templates/templateSchema.js';
import { createBootScriptSandbox, hasBubblewrap } from './bootScriptSandbox.js';
import { basicTemplate, pythonMlTemplate, researchUser } from './provisioningFixtures.js';
import { bashSyntaxErrors } from './scriptChecks.js';

const PWNED = '/tmp/pwned';

/** Shell payloads that would leave /tmp/pwned behind if any of them ever ran. */
const PAYLOADS = [
  `$(touch ${PWNED})`,
  `\`touch ${PWNED}\``,
  `'; touch ${PWNED}; '`,
  `"; touch ${PWNED}; "`,
  `\ntouch ${PWNED}\n`,
  `x; touch ${PWNED} #`,
  `x && touch ${PWNED}`,
  `x | touch ${PWNED}`,
  `$(IFS=_;cmd=touch_${PWNED};$cmd)`,
  `\${IFS}touch\${IFS}${PWNED}`,
  `*`,
  `/etc/*`,
  `?[a-z]*`,
  `~root`,
  `{a,b}`,
  `\\`,
  `'`,
  `"`,
  `\r\ntouch ${PWNED}`,
  `CWS_POST_INSTALL\ntouch ${PWNED}`,
  `CWS_UNIT\ntouch ${PWNED}`,
  `é漢字🙂`,
  `\u0000`,
  `-rf`,
  `--help`,
];

const hostile = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.tuple(fc.string(), fc.constantFrom(...PAYLOADS), fc.string()).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

type Field = { field: string; apply: (input: UserDataInput, value: string) => UserDataInput };

const withTemplate = (input: UserDataInput, template: Partial<ResolvedTemplate>): UserDataInput => ({
  ...input,
  template: { ...input.template, ...template },
});
const withUser = (input: UserDataInput, user: Partial<ResearchUser>): UserDataInput => ({
  ...input,
  user: { ...input.user, ...user },
});

/** Every way a string reaches the script, with the field name a rejection must carry. */
const FIELDS: Field[] = [
  { field: 'user.username', apply: (input, value) => withUser(input, { username: value }) },
  { field: 'user.full_name', apply: (input, value) => withUser(input, { full_name: value }) },
  { field: 'user.shell', apply: (input, value) => withUser(input, { shell: value }) },
  {
    field: 'user.ssh_public_keys[0]',
    apply: (input, value) => withUser(input, { ssh_public_keys: [value] }),
  },
  {
    field: 'user.ssh_public_keys[0]',
    apply: (input, value) =>
      withUser(input, { ssh_public_keys: [`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA ${value}`] }),
  },
  { field: 'user.groups[0]', apply: (input, value) => withUser(input, { groups: [value] }) },
  { field: 'template.slug', apply: (input, value) => withTemplate(input, { slug: value }) },
  { field: 'launch_id', apply: (input, value) => ({ ...input, launch_id: value }) },
  {
    field: 'packages.system[0]',
    apply: (input, value) => withTemplate(input, { packages: { system: [value] } }),
  },
  {
    field: 'packages.conda[0]',
    apply: (input, value) => withTemplate(input, { packages: { conda: [value] } }),
  },
  { field: 'packages.pip[0]', apply: (input, value) => withTemplate(input, { packages: { pip: [value] } }) },
  { field: 'packages.r[0]', apply: (input, value) => withTemplate(input, { packages: { r: [value] } }) },
  {
    field: 'services[0].name',
    apply: (input, value) => withTemplate(input, { services: [{ name: value }] }),
  },
  {
    field: 'services[0].config.root',
    apply: (input, value) =>
      withTemplate(input, { services: [{ name: 'jupyter', config: { root: value } }] }),
  },
  {
    field: 'services[0].config key',
    apply: (input, value) =>
      withTemplate(input, { services: [{ name: 'code-server', config: { [value]: 'x' } }] }),
  },
  {
    field: 'files[0].path',
    apply: (input, value) => withTemplate(input, { files: [{ path: value, content: 'x' }] }),
  },
  {
    field: 'files[0].content',
    apply: (input, value) =>
      withTemplate(input, { files: [{ path: '/etc/cws/content.txt', content: value }] }),
  },
  {
    field: 'files[0].owner',
    apply: (input, value) =>
      withTemplate(input, { files: [{ path: '/etc/cws/x', content: 'x', owner: value }] }),
  },
  { field: 'parameters.dataset', apply: (input, value) => ({ ...input, parameters: { dataset: value } }) },
  { field: 'parameters', apply: (input, value) => ({ ...input, parameters: { [value]: 'x' } }) },
  {
    field: 'efs.file_system_id',
    apply: (input, value) => ({ ...input, efs: { file_system_id: value, region: 'us-east-1' } }),
  },
  {
    field: 'efs.access_point_id',
    apply: (input, value) => ({
      ...input,
      efs: { file_system_id: 'fs-0123abcd', access_point_id: value, region: 'us-east-1' },
    }),
  },
  {
    field: 'efs.region',
    apply: (input, value) => ({ ...input, efs: { file_system_id: 'fs-0123abcd', region: value } }),
  },
  {
    field: 'efs.mount_point',
    apply: (input, value) => ({
      ...input,
      efs: { file_system_id: 'fs-0123abcd', region: 'us-east-1', mount_point: value },
    }),
  },
];

/** Fields that hold free text by design: quoted in the script, never parsed by it. */
const FREE_TEXT_FIELDS = new Set([
  'files[0].content',
  'parameters.dataset',
  'user.full_name',
  'user.ssh_public_keys[0]',
]);

const baseInput: UserDataInput = {
  template: pythonMlTemplate,
  distro: 'ubuntu',
  user: researchUser,
  launch_id: 'req-hostile',
};

/** Renders, and returns the script, or the rejection's field. */
function attempt(input: UserDataInput): { script: string } | { rejected: string } {
  try {
    return { script: renderUserData(input).script };
  } catch (error) {
    if (error instanceof UnsafeScriptValueError) return { rejected: error.field };
    throw error;
  }
}

describe('hostile values in every field', () => {
  it('shellQuote gives bash back exactly the value, whatever it holds', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: 'grapheme' })), (raw) => {
        const value = raw.replaceAll('\u0000', '');
        const result = spawnSync('bash', ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' });
        expect(result.stdout).toBe(value);
      }),
      { numRuns: 100 },
    );
  });

  it('are rejected naming their field, or quoted so that the script still parses', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), hostile, ({ field, apply }, value) => {
        const outcome = attempt(apply(baseInput, value));
        // A value carrying shell syntax must be refused by every field that is not free text.
        if (!FREE_TEXT_FIELDS.has(field) && /[$`;|&\n\r'"\\\u0000]/.test(value)) {
          expect(outcome, `${field} accepted ${JSON.stringify(value)}`).toEqual({ rejected: field });
        }
        if ('rejected' in outcome) {
          expect(outcome.rejected).toBe(field);
        } else {
          expect(bashSyntaxErrors(outcome.script)).toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reject numbers out of range or not whole, naming the field', () => {
    for (const uid of [0, 999, -5000, 5000.5, Number.NaN, 65534, 2 ** 31]) {
      expect(attempt({ ...baseInput, user: { ...researchUser, uid } })).toEqual({ rejected: 'user.uid' });
    }
    expect(attempt({ ...baseInput, user: { ...researchUser, gid: 12 } })).toEqual({ rejected: 'user.gid' });
    const port = (value: number) =>
      attempt(withTemplate(baseInput, { services: [{ name: 'jupyter', port: value }] }));
    expect(port(70000)).toEqual({ rejected: 'services[0].port' });
    expect(port(0)).toEqual({ rejected: 'services[0].port' });
    const idle = attempt(withTemplate(baseInput, { idle_detection: { idle_threshold_minutes: 0.5 } }));
    expect(idle).toEqual({ rejected: 'idle_detection.idle_threshold_minutes' });
  });

  it('are rejected at generation when they carry shell syntax into a whitelisted field', () => {
    for (const { field, apply } of FIELDS) {
      if (field === 'files[0].content' || field === 'parameters.dataset') continue;
      if (field === 'user.full_name' || field === 'user.ssh_public_keys[0]') continue;
      const outcome = attempt(apply(baseInput, `$(touch ${PWNED})`));
      expect(outcome, field).toEqual({ rejected: field });
    }
  });

  it.skipIf(!hasBubblewrap)(
    'never run when the script executes, and arrive intact where they are allowed',
    () => {
      const sandbox = createBootScriptSandbox();
      try {
        fc.assert(
          fc.property(
            hostile,
            hostile,
            fc.constantFrom(...PAYLOADS),
            fc.string({ unit: 'grapheme', maxLength: 20 }),
            (parameter, content, comment, name) => {
              const fullName = name.replace(/[^\p{L}\p{M}\p{N} .,'()_-]/gu, '');
              const template: ResolvedTemplate = {
                ...basicTemplate,
                services: [],
                files: [{ path: '/etc/cws/hostile.txt', content }],
                parameters: { dataset: { type: 'string' } },
                post_install: 'printf %s "$CWS_PARAM_dataset" >/tmp/parameter.out',
              };
              const input: UserDataInput = {
                ...baseInput,
                template,
                distro: 'rocky',
                parameters: { dataset: parameter },
                user: {
                  ...researchUser,
                  full_name: fullName,
                  ssh_public_keys: [
                    `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA ${comment.replace(/[^\x20-\x7e]/g, '')}x`,
                  ],
                },
              };
              const outcome = attempt(input);
              if ('rejected' in outcome) {
                expect(outcome.rejected).toBe('parameters.dataset');
                return;
              }
              // A fresh first boot each time: no account, post_install not yet run.
              sandbox.remove('/var/lib/cws/post-install.done');
              sandbox.write('/etc/passwd', '');
              sandbox.write('/etc/group', '');
              // Keys are merged into an existing file: start each run without one.
              sandbox.remove('/home/alice/.ssh/authorized_keys');
              const { status, output, calls } = sandbox.run(outcome.script);
              expect(status, output).toBe(0);
              expect(sandbox.exists(PWNED)).toBe(false);
              expect(sandbox.exists('/etc/cws/pwned')).toBe(false);
              expect(sandbox.read('/etc/cws/hostile.txt')).toBe(content);
              expect(sandbox.read('/tmp/parameter.out')).toBe(parameter);
              expect(sandbox.read('/home/alice/.ssh/authorized_keys')).toBe(
                `${input.user.ssh_public_keys[0]}\n`,
              );
              expect(calls.find((call) => call[0] === 'useradd')?.at(-2)).toBe(fullName);
            },
          ),
          { numRuns: 10 },
        );
      } finally {
        sandbox.dispose();
      }
    },
  );
});
