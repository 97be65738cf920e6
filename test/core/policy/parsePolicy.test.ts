import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PolicyParseError } from '../../../source/core/policy/PolicyParseError.js';
import { loadPolicyFile, parsePolicy } from '../../../source/core/policy/parsePolicy.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/policies/${name}`, import.meta.url));

function parseError(text: string): PolicyParseError {
  try {
    parsePolicy(text, 'p.yaml');
  } catch (error) {
    if (error instanceof PolicyParseError) return error;
    throw error;
  }
  throw new Error('expected a PolicyParseError');
}

describe('parsePolicy', () => {
  it('reads every key of the example policy', async () => {
    const policy = await loadPolicyFile(fixture('lab.yaml'));
    expect(policy.templates).toEqual({ allow: ['python-*', 'r-*'], deny: ['*-gpu'] });
    expect(policy.max_hourly_cost).toBe(1);
    expect(policy.spot).toBe('allowed');
    expect(policy.service_types).toEqual(['ec2', 'sagemaker', 'web']);
    expect(policy.required_tags).toEqual(['project', 'grant']);
  });

  it('treats an empty document as the empty policy', () => {
    expect(parsePolicy('', 'p.yaml')).toEqual({});
    expect(parsePolicy('# nothing\n', 'p.yaml')).toEqual({});
  });

  it('reports unknown keys and wrong types with file, line, column and key path', async () => {
    const error = await loadPolicyFile(fixture('malformed.yaml')).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PolicyParseError);
    const problems = (error as PolicyParseError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'templates.denny',
          line: 3,
          column: 3,
          message: "unknown key 'denny'",
        }),
        expect.objectContaining({ path: 'max_vcpus', line: 4, column: 12 }),
        expect.objectContaining({ path: 'spot', line: 5, column: 7 }),
      ]),
    );
    expect((error as PolicyParseError).message).toContain('malformed.yaml:3:3: templates.denny: unknown key');
  });

  it('reports an unknown top-level key', () => {
    const error = parseError('max_cpus: 4\n');
    expect(error.message).toBe("p.yaml:1:1: max_cpus: unknown key 'max_cpus'");
  });

  it('reports a wrong item inside a list with its index', () => {
    const error = parseError('service_types: [ec2, batch]\n');
    expect(error.problems[0]).toMatchObject({ path: 'service_types[1]', line: 1, column: 22 });
  });

  it('reports a YAML syntax error with its position', () => {
    const error = parseError('templates:\n  allow: [python-*\n');
    expect(error.problems[0]?.line).toBeGreaterThanOrEqual(2);
    expect(error.message).toMatch(/^p\.yaml:\d+:\d+: /);
  });

  it('rejects an alias to an anchor that does not exist', () => {
    expect(parseError('max_vcpus: *nothing\n').message).toMatch(/^p\.yaml: /);
  });

  it('rejects a duplicate key', () => {
    expect(() => parsePolicy('max_vcpus: 4\nmax_vcpus: 8\n', 'p.yaml')).toThrow(PolicyParseError);
  });

  it('rejects a pattern with characters a glob cannot have', () => {
    const error = parseError('instance_types:\n  allow: ["t3.[a-z]"]\n');
    expect(error.problems[0]).toMatchObject({ path: 'instance_types.allow[0]', line: 2 });
  });

  it('rejects a document that is not a mapping', () => {
    const error = parseError('- a\n- b\n');
    expect(error.problems[0]?.path).toBe('');
  });

  it('reports a missing file by name', async () => {
    await expect(loadPolicyFile('/nonexistent/policy.yaml')).rejects.toThrow(
      '/nonexistent/policy.yaml: cannot read the policy file: no such file',
    );
  });
});
