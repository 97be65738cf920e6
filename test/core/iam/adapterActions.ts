import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyDocument } from '../../../source/core/iam/PolicyDocument.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'demo' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const SERVICES =
  'ec2|iam|ssm|sts|elasticfilesystem|sagemaker|pricing|ce|servicequotas|scheduler|cloudwatch|dynamodb';

/** Every IAM action the AWS adapters name for their calls (the action each error message names). */
export function actionsInAdapters(): string[] {
  const pattern = new RegExp(`'((?:${SERVICES}):[A-Z][A-Za-z]+)'`, 'g');
  const actions = new Set<string>();
  for (const file of sourceFiles('source/aws')) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) actions.add(match[1] ?? '');
  }
  return [...actions].sort();
}

/**
 * Calls IAM authorizes with a second action as well (the Service Authorization Reference's
 * dependent actions): creating with tags, and passing a role to the service.
 */
export const DEPENDENT_ACTIONS: Record<string, string[]> = {
  'ec2:RunInstances': ['ec2:CreateTags', 'iam:PassRole'],
  'ec2:CreateVolume': ['ec2:CreateTags'],
  'ec2:CreateSnapshot': ['ec2:CreateTags'],
  'ec2:CreateImage': ['ec2:CreateTags'],
  'ec2:CreateSecurityGroup': ['ec2:CreateTags'],
  'ec2:ImportKeyPair': ['ec2:CreateTags'],
  'scheduler:CreateScheduleGroup': ['scheduler:TagResource'],
  'scheduler:CreateSchedule': ['iam:PassRole'],
  'scheduler:UpdateSchedule': ['iam:PassRole'],
  'dynamodb:CreateTable': ['dynamodb:TagResource'],
  'elasticfilesystem:CreateFileSystem': ['elasticfilesystem:TagResource'],
  'sagemaker:CreateDomain': ['sagemaker:AddTags', 'iam:PassRole'],
  'sagemaker:CreateSpace': ['sagemaker:AddTags'],
  'sagemaker:CreateApp': ['sagemaker:AddTags'],
  'iam:CreateRole': ['iam:TagRole'],
  'iam:CreateInstanceProfile': ['iam:TagInstanceProfile'],
};

/** The actions a policy needs for these calls: each, and what IAM also checks for it. */
export const withDependents = (actions: string[]): string[] =>
  [...new Set(actions.flatMap((action) => [action, ...(DEPENDENT_ACTIONS[action] ?? [])]))].sort();

const matches = (patterns: string | string[] | undefined, action: string): boolean =>
  [patterns ?? []].flat().some((granted) => new RegExp(`^${granted.replace(/\*/g, '.*')}$`).test(action));

/** Whether some Allow statement names the action (resources and conditions aside). */
export function grants(document: PolicyDocument, action: string): boolean {
  return document.Statement.some(
    (statement) => statement.Effect === 'Allow' && matches(statement.Action, action),
  );
}

/** The Allow statements that name the action. */
export function statementsGranting(document: PolicyDocument, action: string) {
  return document.Statement.filter(
    (statement) => statement.Effect === 'Allow' && matches(statement.Action, action),
  );
}
