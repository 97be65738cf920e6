import { resolveAwsRegion } from '../aws/awsSharedConfig.js';
import type { Profile } from '../core/config/profileSchema.js';
import { formatUtc } from '../core/identity/invitationToken.js';
import { publicKeyFingerprint } from '../core/identity/signingKey.js';
import { validateProject, validateTagValue } from '../core/launch/validateLaunchNames.js';
import { resolveAppPaths } from '../core/paths.js';
import { describePolicy } from '../core/policy/describePolicy.js';
import { formatUsdPrecise } from '../core/policy/formatUsdPrecise.js';
import { PolicyParseError } from '../core/policy/PolicyParseError.js';
import { loadPolicyFile } from '../core/policy/parsePolicy.js';
import type { Policy } from '../core/policy/policySchema.js';
import { testPolicyOffline } from '../core/policy/testPolicyOffline.js';
import { loadTemplateRegistry } from '../core/templates/loadTemplateRegistry.js';
import { findTemplate } from '../core/templates/TemplateRegistry.js';
import { templatePolicyFactsOf } from '../core/templates/templatePolicyFacts.js';
import { templateSearchPath } from '../core/templates/templateSearchPath.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { governedProfileForCommand } from './governedProfileForCommand.js';
import { openConfigForCommand } from './profilesCommand.js';

const SUBCOMMANDS = 'show or test --template <slug> --type <instance-type>';

interface PolicySource {
  policy: Policy;
  /** `file <path>`, `profile <name>`, or `none`. */
  label: string;
  profile?: Profile;
  /** What re-verifying the profile's signed invitation found. */
  problems?: string[];
  /** True when the chain does not verify (every launch is refused), not only a hand-edited cache. */
  refused?: boolean;
}

async function choosePolicy(context: CommandContext): Promise<PolicySource> {
  const { flags } = context;
  if (flags.policy) {
    try {
      return { policy: await loadPolicyFile(flags.policy), label: `file ${flags.policy}` };
    } catch (error) {
      if (error instanceof PolicyParseError)
        throw new CliError(`the policy file is not valid:\n${error.message}`);
      throw error;
    }
  }
  const config = openConfigForCommand(context);
  const profile = flags.profile ? config.getProfile(flags.profile) : config.currentProfile();
  if (flags.profile && !profile) throw new CliError(`no profile named '${flags.profile}'`);
  if (!profile) return { policy: {}, label: 'none (no profile is set up)' };
  const { profile: governed, problems, refused } = await governedProfileForCommand(context, profile);
  return {
    policy: governed.policy,
    label: `profile ${governed.name} (${governed.kind})`,
    profile: governed,
    problems,
    refused,
  };
}

function runShow(context: CommandContext, source: PolicySource): number {
  const chain = source.profile?.policy_chain ?? [];
  const chainProblems = source.problems ?? [];
  if (context.flags.json) {
    context.stdout(
      `${JSON.stringify(
        {
          source: source.label,
          policy: source.policy,
          rules: describePolicy(source.policy),
          chain: chain.map((link) => ({
            issuer: link.issuer,
            fingerprint: publicKeyFingerprint(link.issuer_key),
            issued_at: link.issued_at,
            policy: link.policy,
          })),
          chain_problems: chainProblems,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const lines = [`policy of ${source.label}:`, ...describePolicy(source.policy).map((line) => `  ${line}`)];
  if (chain.length > 0) {
    lines.push('', 'handed down by (root first):');
    chain.forEach((link, index) => {
      lines.push(
        `  ${index + 1}. ${link.issuer}  ${publicKeyFingerprint(link.issuer_key)}  ${formatUtc(link.issued_at)}`,
        ...describePolicy(link.policy).map((line) => `       ${line}`),
      );
    });
    lines.push(
      chainProblems.length === 0
        ? '  the chain is intact: every link is signed and only narrows the one before'
        : source.refused
          ? `  the chain is NOT valid (launches are refused):\n${chainProblems.map((problem) => `    ${problem}`).join('\n')}`
          : `  the chain is intact, but the config file's copy was edited (the signed values above are used):\n${chainProblems.map((problem) => `    ${problem}`).join('\n')}`,
    );
  }
  context.stdout(`${lines.join('\n')}\n`);
  return 0;
}

function parseTags(values: readonly string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const value of values) {
    const separator = value.indexOf('=');
    if (separator <= 0) throw usageError(`--tag takes key=value (got '${value}')`);
    const problem = validateTagValue(value.slice(0, separator), value.slice(separator + 1));
    if (problem) throw usageError(`--tag: ${problem}`);
    tags[value.slice(0, separator)] = value.slice(separator + 1);
  }
  return tags;
}

async function runTest(context: CommandContext, source: PolicySource): Promise<number> {
  const { flags, stdout, env } = context;
  if (!flags.template || !flags.type) {
    throw usageError(
      'usage: cws-tui policy test --template <slug> --type <instance-type> [--region R] [--spot] [--json]',
    );
  }
  // Where a launch would go: the profile's region, else the AWS configuration's, else us-east-1.
  const region = flags.region ?? source.profile?.region ?? (await resolveAwsRegion(env)) ?? 'us-east-1';
  const registry = await loadTemplateRegistry({ searchPath: templateSearchPath(env, resolveAppPaths(env)) });
  const template = findTemplate(registry, flags.template);
  const notes: string[] = [];
  if (!template)
    notes.push(
      `the template '${flags.template}' is not on the template search path; its slug was checked as given`,
    );
  const projectProblem = flags.project === undefined ? undefined : validateProject(flags.project);
  if (projectProblem) throw usageError(`--project: ${projectProblem}`);
  const tags = { ...parseTags(flags.tag), ...(flags.project ? { project: flags.project } : {}) };
  const templateRootVolume = template?.template.instance_defaults?.root_volume_gb;
  const facts = template ? templatePolicyFactsOf(template.slug, registry) : {};
  const {
    request,
    verdict,
    hourly_cost: hourly,
    ...offline
  } = testPolicyOffline(source.policy, {
    template_slug: template?.slug ?? flags.template,
    ...(templateRootVolume !== undefined ? { template_root_volume_gb: templateRootVolume } : {}),
    instance_type: flags.type,
    region,
    spot: flags.spot,
    hibernation: flags.hibernation,
    ...(flags.rootVolume !== undefined ? { root_volume_gb: flags.rootVolume } : {}),
    tags,
    discounts: source.profile?.discounts ?? {},
    ...facts,
  });
  notes.push(...offline.notes);
  const allNotes = [...verdict.notes, ...notes];
  if (flags.json) {
    stdout(
      `${JSON.stringify(
        { source: source.label, request, hourly_cost: hourly ?? null, ...verdict, notes: allNotes },
        null,
        2,
      )}\n`,
    );
    return verdict.allowed ? 0 : EXIT.denied;
  }
  const purchase = flags.spot ? 'spot' : 'on-demand';
  const price = hourly === undefined ? 'price unknown' : `${formatUsdPrecise(hourly)}/h`;
  const lines = [
    `${verdict.allowed ? 'ALLOWED' : 'DENIED'}: ${request.template_slug} on ${request.instance_type} in ${region} (${purchase}, ${price}) under the policy of ${source.label}`,
  ];
  for (const violation of verdict.violations) {
    lines.push(
      `  x ${violation.rule}: ${violation.message}`,
      `      expected ${violation.expected}, got ${violation.actual}`,
    );
  }
  if (verdict.suggestions.length > 0) {
    lines.push('suggestions:', ...verdict.suggestions.map((suggestion) => `  - ${suggestion.message}`));
  }
  if (verdict.allowed && verdict.checked.length > 0) lines.push(`checked: ${verdict.checked.join(', ')}`);
  lines.push(...allNotes.map((note) => `note: ${note}`));
  stdout(`${lines.join('\n')}\n`);
  return verdict.allowed ? 0 : EXIT.denied;
}

/** `cws-tui policy show|test`: the current profile's policy, or the file given with --policy. */
export const runPolicyCommand: CommandRun = async (context) => {
  const [subcommand, ...extra] = context.args;
  if (extra.length > 0) throw usageError(`policy ${subcommand} takes no arguments, only flags`);
  switch (subcommand) {
    case 'show':
      return runShow(context, await choosePolicy(context));
    case 'test':
      return runTest(context, await choosePolicy(context));
    default:
      throw usageError(
        subcommand === undefined
          ? `policy needs a subcommand: ${SUBCOMMANDS}`
          : `unknown policy subcommand '${subcommand}': use ${SUBCOMMANDS}`,
      );
  }
};
