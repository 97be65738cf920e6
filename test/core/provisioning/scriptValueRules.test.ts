import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  requireAccountId,
  requirePositiveInteger,
  requireSafeValue,
  SCRIPT_VALUE_RULES,
  type ScriptValueKind,
} from '../../../source/core/provisioning/scriptValueRules.js';
import { UnsafeScriptValueError } from '../../../source/core/provisioning/UnsafeScriptValueError.js';

/**
 * A value each rule accepts, to carry a payload at its start, middle or end. Parameter values are
 * printable text on purpose: they are only ever written quoted.
 */
const VALID: Record<Exclude<ScriptValueKind, 'parameterValue'>, string> = {
  posixName: 'alice',
  fullName: 'Ada Lovelace',
  email: 'ada@example.org',
  shell: '/bin/bash',
  sshPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA',
  slug: 'python-ml',
  launchId: 'cws-1234',
  region: 'us-east-1',
  fileSystemId: 'fs-0123abcd',
  accessPointId: 'fsap-0123abcd',
  fsxDnsName: 'fs-0123456789abcdef0.fsx.us-east-1.amazonaws.com',
  lustreMountName: 'abcdefgh',
  absolutePath: '/home/alice',
  systemPackage: 'build-essential',
  condaPackage: 'numpy',
  pipPackage: 'pandas',
  rPackage: 'ggplot2',
  serviceName: 'jupyter',
  serviceConfigKey: 'ServerApp.root_dir',
  serviceConfigValue: '/home/alice',
  jupyterConfigKey: 'ServerApp.root_dir',
  serviceConfigText: 'Research notebooks (2024)',
  s3Bucket: 'lab-data.example',
  s3KeyPath: 'datasets/2024/train%20set.csv',
  parameterName: 'dataset',
  fileMode: '0644',
  fileOwner: 'alice',
  token: 'a'.repeat(32),
};

/** What must never reach a boot script unquoted: shell syntax, controls, line breaks. */
const PAYLOADS = [
  '$(id)',
  '`id`',
  ';id',
  '|id',
  '&&id',
  '\nid',
  '\rid',
  "'",
  '"',
  '\\',
  '\u0000',
  '\u001B[2J',
  '\u0085',
  '\u202E',
  '$'.concat('{IFS}'),
];

/** The one payload a rule allows on purpose: an apostrophe in a name (O'Brien); the value is quoted. */
const ALLOWED: Partial<Record<ScriptValueKind, string>> = { fullName: "'" };

describe('script value rules', () => {
  it('accept each kind of valid value', () => {
    for (const [kind, value] of Object.entries(VALID) as [ScriptValueKind, string][]) {
      expect(requireSafeValue(kind, value, kind), kind).toBe(value);
    }
    expect(requireSafeValue('p', 'any text: with spaces', 'parameterValue')).toBe('any text: with spaces');
  });

  it('reject every hostile payload wherever it sits in the value, naming the field', () => {
    const kinds = Object.keys(VALID) as (keyof typeof VALID)[];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.constantFrom(...PAYLOADS), fc.nat(), (kind, payload, at) => {
        const base = VALID[kind];
        const position = at % (base.length + 1);
        const value = base.slice(0, position) + payload + base.slice(position);
        if (ALLOWED[kind] === payload) return;
        let rejected: unknown;
        try {
          requireSafeValue(`field.${kind}`, value, kind);
        } catch (error) {
          rejected = error;
        }
        expect(rejected, `${kind} accepted ${JSON.stringify(value)}`).toBeInstanceOf(UnsafeScriptValueError);
        expect((rejected as UnsafeScriptValueError).field).toBe(`field.${kind}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('reject control characters in parameter values wherever they sit', () => {
    for (const control of ['\u0000', '\n', '\r', '\u001B', '\u007F']) {
      for (const value of [`${control}x`, `x${control}x`, `x${control}`]) {
        expect(() => requireSafeValue('p', value, 'parameterValue')).toThrow(UnsafeScriptValueError);
      }
    }
    expect(() => requireSafeValue('p', 'x'.repeat(257), 'parameterValue')).toThrow(UnsafeScriptValueError);
  });

  it('reject a leading dash that a tool would read as an option', () => {
    for (const kind of [
      'posixName',
      'slug',
      'systemPackage',
      'condaPackage',
      'pipPackage',
      'serviceName',
    ] as const) {
      expect(() => requireSafeValue(kind, `-${VALID[kind]}`, kind), kind).toThrow(UnsafeScriptValueError);
    }
  });

  it('check ids and counts at their bounds', () => {
    expect(requireAccountId('uid', 1000)).toBe(1000);
    expect(requireAccountId('uid', 2_147_483_646)).toBe(2_147_483_646);
    for (const bad of [999, 65534, 2_147_483_647, 1000.5])
      expect(() => requireAccountId('uid', bad)).toThrow('uid');
    expect(requirePositiveInteger('port', 1, 10)).toBe(1);
    expect(requirePositiveInteger('port', 10, 10)).toBe(10);
    for (const bad of [0, 11, 1.5])
      expect(() => requirePositiveInteger('port', bad, 10)).toThrow('from 1 to 10');
  });

  it('describe each rule for the message', () => {
    for (const rule of Object.values(SCRIPT_VALUE_RULES)) expect(rule.description.length).toBeGreaterThan(5);
  });
});
