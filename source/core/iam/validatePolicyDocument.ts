import type { PolicyDocument } from './PolicyDocument.js';

/**
 * A local check of IAM's documented policy grammar, run by the tests over every document the app
 * writes, so that IAM never refuses one half-way through making a role:
 *  - Version 2012-10-17 (the only one with policy variables), Effect, Action/NotAction;
 *  - every Resource is `*` or an ARN `arn:partition:service:region:account:resource` with a
 *    known partition, and a policy variable only in the resource part (after the fifth colon);
 *  - condition operators are IAM's (with ForAllValues:/ForAnyValue: and IfExists), condition keys
 *    are `service:Key[/tag]`, set operators only on multivalued keys and never missing on them;
 *  - policy variables `${service:Key}` only in Resource and in String/Arn condition values;
 *  - trust policies have a Principal and no Resource; identity policies the reverse.
 */
export interface PolicyProblem {
  /** Where, e.g. `Statement[1].Resource[0]`. */
  path: string;
  message: string;
}

const BASE_OPERATORS = new Set([
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
]);
/** Keys whose value is a list: the only ones a ForAllValues/ForAnyValue operator makes sense on. */
const MULTIVALUED_KEYS = new Set([
  'aws:TagKeys',
  'aws:PrincipalServiceNamesList',
  'aws:CalledVia',
  'aws:PrincipalOrgPaths',
  'dynamodb:LeadingKeys',
  'dynamodb:Attributes',
]);
const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', '*']);
const ACTION = /^([a-z0-9-]+:[A-Za-z0-9*?]+|\*)$/;
const CONDITION_KEY = /^[A-Za-z0-9-]+:[A-Za-z0-9_.-]+(\/[\w+=,.@:*-]+)?$/;
const VARIABLE = /\$\{([^}]*)\}/g;
/** `${service:Key}`, `${service:Key/tag}`, `${aws:username, 'default'}`, or the escapes `${*}` `${?}` `${$}`. */
const VARIABLE_BODY = /^(?:[*?$]|[A-Za-z0-9-]+:[A-Za-z0-9_.-]+(?:\/[\w+=,.@:-]+)?(?:\s*,\s*'[^']*')?)$/;
const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/;

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export function validatePolicyDocument(
  document: PolicyDocument | unknown,
  kind: 'identity' | 'trust' = 'identity',
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (typeof document !== 'object' || document === null)
    return [{ path: '(document)', message: 'not a JSON object' }];
  const doc = document as Partial<PolicyDocument>;
  if (doc.Version !== '2012-10-17') problem('Version', 'must be "2012-10-17" (policy variables need it)');
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  if (statements.length === 0) problem('Statement', 'has no statement');
  const sids = new Set<string>();
  statements.forEach((statement, index) => {
    const at = `Statement[${index}]`;
    if (statement.Sid !== undefined) {
      if (!/^[A-Za-z0-9]*$/.test(statement.Sid)) problem(`${at}.Sid`, 'only letters and digits');
      if (sids.has(statement.Sid)) problem(`${at}.Sid`, `"${statement.Sid}" is used twice`);
      sids.add(statement.Sid);
    }
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny')
      problem(`${at}.Effect`, 'must be Allow or Deny');
    const actions = [...list(statement.Action), ...list(statement.NotAction)];
    if ((statement.Action === undefined) === (statement.NotAction === undefined))
      problem(at, 'needs exactly one of Action and NotAction');
    actions.forEach((action, i) => {
      if (!ACTION.test(action)) problem(`${at}.Action[${i}]`, `"${action}" is not service:Action`);
    });
    const resources = [...list(statement.Resource), ...list(statement.NotResource)];
    if (kind === 'trust') {
      if (resources.length > 0) problem(at, 'a trust policy names no Resource');
      checkPrincipal(statement.Principal, `${at}.Principal`, problem);
    } else {
      if (statement.Principal !== undefined)
        problem(`${at}.Principal`, 'an identity policy names no Principal');
      if ((statement.Resource === undefined) === (statement.NotResource === undefined))
        problem(at, 'needs exactly one of Resource and NotResource');
      resources.forEach((resource, i) => {
        checkResource(resource, `${at}.Resource[${i}]`, problem);
      });
    }
    for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
      checkCondition(operator, block, `${at}.Condition.${operator}`, problem);
    }
  });
  return problems;
}

function checkPrincipal(
  principal: unknown,
  at: string,
  problem: (path: string, message: string) => void,
): void {
  if (principal === '*') return;
  if (typeof principal !== 'object' || principal === null) {
    problem(at, 'a trust policy needs a Principal');
    return;
  }
  for (const [type, value] of Object.entries(principal as Record<string, string | string[]>)) {
    if (type === 'Service') {
      for (const service of list(value))
        if (!SERVICE_PRINCIPAL.test(service)) problem(at, `"${service}" is not a service principal`);
    } else if (type === 'AWS') {
      for (const arn of list(value))
        if (!/^(\d{12}|arn:[^:]+:iam::\d{12}:[\w+=,.@/-]+|\*)$/.test(arn))
          problem(at, `"${arn}" is not an account or IAM ARN`);
    } else if (type !== 'Federated') {
      problem(at, `unknown principal type "${type}"`);
    }
  }
}

function checkVariables(text: string, at: string, problem: (path: string, message: string) => void): boolean {
  let found = false;
  for (const match of text.matchAll(VARIABLE)) {
    found = true;
    if (!VARIABLE_BODY.test(match[1] ?? '')) problem(at, `"${match[0]}" is not a policy variable`);
  }
  if (/\$\{[^}]*$/.test(text)) problem(at, `"${text}" has an unclosed policy variable`);
  return found;
}

function checkResource(resource: string, at: string, problem: (path: string, message: string) => void): void {
  if (resource === '*') return;
  if (!resource.startsWith('arn:')) {
    problem(at, `"${resource}" is neither "*" nor an ARN`);
    return;
  }
  const parts = resource.split(':');
  if (parts.length < 6) {
    problem(at, `"${resource}" is not arn:partition:service:region:account:resource`);
    return;
  }
  const [, partition = '', service = '', region = '', account = ''] = parts;
  const head = parts.slice(0, 5).join(':');
  if (head.includes('${'))
    problem(at, `"${resource}": a policy variable may appear only in the resource part of an ARN`);
  if (!PARTITIONS.has(partition)) problem(at, `"${resource}": unknown partition "${partition}"`);
  if (!/^[a-z0-9-]+$/.test(service)) problem(at, `"${resource}": "${service}" is not a service`);
  if (!/^([a-z0-9*?-]*)$/.test(region)) problem(at, `"${resource}": "${region}" is not a region`);
  if (!/^(\d{12}|aws|[*?\d]*)$/.test(account)) problem(at, `"${resource}": "${account}" is not an account`);
  const rest = parts.slice(5).join(':');
  if (rest === '') problem(at, `"${resource}" names no resource`);
  checkVariables(rest, at, problem);
}

function checkCondition(
  operator: string,
  block: Record<string, string | string[]>,
  at: string,
  problem: (path: string, message: string) => void,
): void {
  const set = /^(ForAllValues|ForAnyValue):/.exec(operator)?.[1];
  const base = operator.replace(/^(ForAllValues|ForAnyValue):/, '').replace(/IfExists$/, '');
  if (!BASE_OPERATORS.has(base) || (base === 'Null' && operator !== 'Null')) {
    problem(at, `"${operator}" is not an IAM condition operator`);
    return;
  }
  for (const [key, value] of Object.entries(block)) {
    const where = `${at}.${key}`;
    if (!CONDITION_KEY.test(key)) problem(where, `"${key}" is not a condition key`);
    const multivalued = MULTIVALUED_KEYS.has(key);
    if (set && !multivalued)
      problem(where, `${set} applies to multivalued keys only, and "${key}" has one value`);
    if (!set && multivalued && base !== 'Null')
      problem(where, `"${key}" is multivalued: use ForAllValues: or ForAnyValue:`);
    for (const entry of list(value)) {
      if (typeof entry !== 'string') {
        problem(where, 'condition values are strings');
        continue;
      }
      if (base === 'Null' && entry !== 'true' && entry !== 'false')
        problem(where, 'Null takes "true" or "false"');
      if (base === 'Bool' && entry !== 'true' && entry !== 'false')
        problem(where, 'Bool takes "true" or "false"');
      const hasVariable = checkVariables(entry, where, problem);
      if (hasVariable && !/^(String|Arn)/.test(base))
        problem(where, `policy variables work only with String and Arn operators, not ${base}`);
      if (base.startsWith('Arn') && !hasVariable && entry !== '*' && !entry.startsWith('arn:'))
        problem(where, `"${entry}" is not an ARN`);
    }
  }
}
