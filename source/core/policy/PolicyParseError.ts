/** One problem in a policy document, with where it is. */
export interface PolicyProblem {
  /** The key path, e.g. `instance_types.allow[2]`; empty for the document itself. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

/** A policy document that is not valid YAML or breaks the schema; the message lists every problem. */
export class PolicyParseError extends Error {
  readonly source: string;
  readonly problems: PolicyProblem[];

  constructor(source: string, problems: PolicyProblem[]) {
    super(problems.map((problem) => formatPolicyProblem(source, problem)).join('\n'));
    this.name = 'PolicyParseError';
    this.source = source;
    this.problems = problems;
  }
}

export function formatPolicyProblem(source: string, problem: PolicyProblem): string {
  const where = problem.line === undefined ? source : `${source}:${problem.line}:${problem.column ?? 1}`;
  const key = problem.path === '' ? '' : `${problem.path}: `;
  return `${where}: ${key}${problem.message}`;
}
