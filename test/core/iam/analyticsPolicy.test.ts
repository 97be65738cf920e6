import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIamCommand } from '../../../source/commands/iamCommand.js';
import { analyticsPolicyFor } from '../../../source/core/iam/analyticsPolicy.js';
import { appPolicyFor } from '../../../source/core/iam/appPolicy.js';
import { MANAGED_POLICY_MAX_CHARS, managedPolicySize } from '../../../source/core/iam/managedPolicySize.js';
import type { PolicyStatement } from '../../../source/core/iam/PolicyDocument.js';
import { validatePolicyDocument } from '../../../source/core/iam/validatePolicyDocument.js';
import { runCommand, testEnvironment } from '../../commands/commandHarness.js';
import { grants, statementsGranting } from './adapterActions.js';

/**
 * Every Athena, QuickSight, Glue, DataBrew and CloudWatch Logs action the AWS adapters name for
 * their calls: the first argument of a call (`this.call('quicksight:…'`, `this.context('athena:…'`),
 * not the resource permissions QuickSight assets are given.
 */
function analyticsAdapterActions(): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const actions = new Set<string>();
  const dirs = ['athena', 'quicksight', 'glue', 'databrew'].map((dir) => join('source/aws', dir));
  for (const file of dirs.flatMap(files))
    for (const match of readFileSync(file, 'utf8').matchAll(
      /\(\s*'((?:athena|quicksight|glue|databrew|logs):[A-Z][A-Za-z]+)'/g,
    ))
      actions.add(match[1] ?? '');
  return [...actions].sort();
}

const resources = (statement: PolicyStatement) => [statement.Resource ?? []].flat();
const member = analyticsPolicyFor('user', 'aws', ['lab-genomics-data', 'lab-results']);
const admin = analyticsPolicyFor('admin', 'aws', ['lab-genomics-data', 'lab-results']);

describe('the analytics managed policy', () => {
  it('grants a member every analytics and data-prep call the adapters make, except registering seats', () => {
    // The SDK calls named under another action (ListCrawls pages ListCrawlers) and what IAM also
    // checks for a create with tags or a role.
    const actions = [
      ...analyticsAdapterActions(),
      'glue:ListCrawlers',
      'glue:TagResource',
      'databrew:TagResource',
      'iam:PassRole',
      // CloudWatchLogEvents names it in an options object, not as a call's first argument.
      'logs:FilterLogEvents',
    ];
    expect(actions).toContain('athena:StartQueryExecution');
    expect(actions).toContain('quicksight:CreateDashboard');
    expect(actions).toContain('glue:CreateCrawler');
    expect(actions).toContain('databrew:StartJobRun');
    expect(
      actions.filter((action) => action !== 'quicksight:RegisterUser' && !grants(member, action)),
    ).toEqual([]);
    expect(grants(member, 'quicksight:RegisterUser')).toBe(false);
    expect(actions.filter((action) => !grants(admin, action))).toEqual([]);
  });

  it('keeps Athena to the cws- workgroups, QuickSight building to cws- assets, and S3 to Athena', () => {
    for (const action of ['athena:StartQueryExecution', 'athena:UpdateWorkGroup', 'athena:CreateWorkGroup'])
      expect(statementsGranting(member, action).flatMap(resources)).toEqual([
        'arn:aws:athena:*:*:workgroup/cws-*',
      ]);
    expect(statementsGranting(member, 'quicksight:CreateDataSource').flatMap(resources)).toEqual([
      'arn:aws:quicksight:*:*:datasource/cws-*',
      'arn:aws:quicksight:*:*:dataset/cws-*',
      'arn:aws:quicksight:*:*:dashboard/cws-*',
    ]);
    const s3 = statementsGranting(member, 's3:PutObject');
    expect(s3).toHaveLength(1);
    expect(s3[0]?.Condition).toEqual({
      'ForAnyValue:StringEquals': { 'aws:CalledVia': 'athena.amazonaws.com' },
    });
    expect(resources(s3[0]!)).toEqual([
      'arn:aws:s3:::aws-athena-query-results-*',
      'arn:aws:s3:::aws-athena-query-results-*/*',
      'arn:aws:s3:::lab-genomics-data',
      'arn:aws:s3:::lab-genomics-data/*',
      'arn:aws:s3:::lab-results',
      'arn:aws:s3:::lab-results/*',
    ]);
    // The Glue catalog's tables are written only by the crawler's role, never by the member.
    const glue = member.Statement.flatMap((s) => [s.Action ?? []].flat()).filter((a) =>
      a.startsWith('glue:'),
    );
    expect(glue.filter((action) => !/^glue:(Get|BatchGet|List)/.test(action)).sort()).toEqual([
      'glue:CreateCrawler',
      'glue:CreateDatabase',
      'glue:StartCrawler',
      'glue:TagResource',
      'glue:TagResource',
    ]);
  });

  it('keeps crawlers, DataBrew jobs and recipes to cws- names, and passes each data-prep role only to its service', () => {
    for (const action of [
      'glue:CreateCrawler',
      'glue:StartCrawler',
      'databrew:StartJobRun',
      'databrew:CreateRecipeJob',
      'databrew:PublishRecipe',
    ])
      expect(statementsGranting(member, action).flatMap(resources)).toEqual([
        'arn:aws:glue:*:*:crawler/cws-crawl-*',
        'arn:aws:databrew:*:*:job/cws-*',
        'arn:aws:databrew:*:*:recipe/cws-*',
      ]);
    const passes = statementsGranting(member, 'iam:PassRole');
    expect(passes.map((s) => [resources(s), s.Condition])).toEqual([
      [
        ['arn:aws:iam::*:role/cws-tui/cws-tui-glue-crawler'],
        { StringEquals: { 'iam:PassedToService': 'glue.amazonaws.com' } },
      ],
      [
        ['arn:aws:iam::*:role/cws-tui/cws-tui-databrew-job'],
        { StringEquals: { 'iam:PassedToService': 'databrew.amazonaws.com' } },
      ],
    ]);
    // The member passes the roles; making or widening them stays the admin's (the first policy).
    for (const action of ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy'])
      expect(grants(member, action)).toBe(false);
  });

  it('grants on every resource only calls that read', () => {
    for (const document of [member, admin]) {
      const everywhere = document.Statement.filter((s) => resources(s).includes('*')).flatMap((s) =>
        [s.Action ?? []].flat(),
      );
      expect(everywhere.filter((action) => !/^[a-z0-9-]+:(Describe|Get|List)/.test(action))).toEqual([]);
    }
  });

  it('validates, and fits in one managed policy in every partition, even with many long bucket names', () => {
    const buckets = Array.from({ length: 12 }, (_, i) => `${'b'.repeat(60)}-${String(i).padStart(2, '0')}`);
    for (const partition of ['aws', 'aws-cn', 'aws-us-gov'])
      for (const role of ['user', 'admin'] as const) {
        const document = analyticsPolicyFor(role, partition, buckets);
        expect(validatePolicyDocument(document)).toEqual([]);
        expect(managedPolicySize(document)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
      }
    // The first policy keeps its room: nothing analytics went into it.
    expect(JSON.stringify(appPolicyFor('user'))).not.toMatch(/athena:|quicksight:|glue:/);
  });

  it('is printed by `iam policy analytics` with the buckets named, and refuses a bad bucket name', async () => {
    const printed = await runCommand(
      runIamCommand,
      ['policy', 'analytics', 'lab-results'],
      testEnvironment(),
      {
        for: 'user',
        json: true,
      },
    );
    const document = JSON.parse(printed.stdout);
    expect(validatePolicyDocument(document)).toEqual([]);
    expect(printed.stdout).toContain('"arn:aws:s3:::lab-results/*"');
    const notes = await runCommand(runIamCommand, ['policy', 'analytics'], testEnvironment(), {
      for: 'admin',
    });
    expect(notes.stdout).toMatch(/^# A second managed policy/);
    expect(notes.stdout).toContain('quicksight:RegisterUser');
    await expect(
      runCommand(runIamCommand, ['policy', 'analytics', 'Bad_Bucket'], testEnvironment(), { for: 'user' }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/'Bad_Bucket' is not an S3 bucket name/),
    });
    await expect(
      runCommand(runIamCommand, ['policy', 'extras'], testEnvironment(), { for: 'user' }),
    ).rejects.toMatchObject({ exitCode: 2 });
  });
});
