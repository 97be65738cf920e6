import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPolicyFor } from '../../../source/core/iam/appPolicy.js';
import { validatePolicyDocument } from '../../../source/core/iam/validatePolicyDocument.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'demo' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Every IAM action the AWS adapters name for their calls (the action each error message names). */
function actionsInAdapters(): string[] {
  const services =
    'ec2|iam|ssm|sts|elasticfilesystem|sagemaker|pricing|ce|servicequotas|scheduler|cloudwatch|dynamodb';
  const pattern = new RegExp(`'((?:${services}):[A-Z][A-Za-z]+)'`, 'g');
  const actions = new Set<string>();
  for (const file of sourceFiles('source/aws')) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) actions.add(match[1] ?? '');
  }
  return [...actions].sort();
}

function grants(document: ReturnType<typeof appPolicyFor>, action: string): boolean {
  return document.Statement.some(
    (statement) =>
      statement.Effect === 'Allow' &&
      [statement.Action ?? []]
        .flat()
        .some((granted) => new RegExp(`^${granted.replace(/\*/g, '.*')}$`).test(action)),
  );
}

describe('cws-tui iam policy --for admin', () => {
  it('grants every action an AWS adapter calls, so the printed policy is enough for every command', () => {
    const admin = appPolicyFor('admin');
    const actions = actionsInAdapters();
    expect(actions.length).toBeGreaterThan(80);
    expect(actions.filter((action) => !grants(admin, action))).toEqual([]);
    expect(validatePolicyDocument(admin)).toEqual([]);
  });
});
