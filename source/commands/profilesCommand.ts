import { readAwsProfiles } from '../aws/awsSharedConfig.js';
import { ConfigStore } from '../core/config/ConfigStore.js';
import { ConfigStoreError } from '../core/config/ConfigStoreError.js';
import { type Profile, TEAM_TABLE_PATTERN } from '../core/config/profileSchema.js';
import { budgetSchema } from '../core/cost/Budget.js';
import type { Discounts } from '../core/cost/discounts.js';
import { formatUsd } from '../core/cost/formatUsd.js';
import { DiscountSyntaxError, parseDiscounts } from '../core/cost/parseDiscounts.js';
import { PinnedRootStore } from '../core/identity/PinnedRootStore.js';
import { loadRootTrust } from '../core/identity/RootTrust.js';
import { publicKeyFingerprint } from '../core/identity/signingKey.js';
import { usernameProblem } from '../core/identity/usernameProblem.js';
import { verifiedProfiles } from '../core/identity/verifiedProfiles.js';
import { resolveAppPaths } from '../core/paths.js';
import { PolicyParseError } from '../core/policy/PolicyParseError.js';
import { loadPolicyFile } from '../core/policy/parsePolicy.js';
import { CliError, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { governedProfileForCommand } from './governedProfileForCommand.js';
import { renderTextTable } from './output/renderTextTable.js';

const SUBCOMMANDS = 'list, current, use <name>, create <name> or delete <name>';

/** Opens the config store, telling the user about a broken file that was set aside. */
export function openConfigForCommand(context: CommandContext): ConfigStore {
  const config = ConfigStore.open(resolveAppPaths(context.env).configDir);
  for (const problem of config.problems) {
    context.stderr(
      `cws-tui: the config file had a problem at ${problem.key}: ${problem.message}; it was kept as ${problem.backup_path} and defaults are used\n`,
    );
  }
  return config;
}

function profileJson(profile: Profile, current: boolean): Record<string, unknown> {
  // The token may carry the key to invite with: never printed.
  const { invitation_token: _secret, ...shown } = profile;
  return {
    ...shown,
    current,
    policy_chain: profile.policy_chain.map((link) => ({
      issuer: link.issuer,
      issuer_fingerprint: publicKeyFingerprint(link.issuer_key),
      issued_at: link.issued_at,
      policy: link.policy,
    })),
  };
}

function describeProfile(profile: Profile): string {
  const lines = [
    `profile:        ${profile.name} (${profile.kind}, ${profile.role})`,
    `AWS profile:    ${profile.aws_profile}${profile.aws_account_id ? ` (account ${profile.aws_account_id})` : ''}`,
    `region:         ${profile.region}`,
    `research user:  ${profile.research_user ?? '(none)'}`,
    `may invite:     ${profile.role === 'admin' || profile.can_invite ? 'yes' : 'no'}`,
  ];
  if (profile.budget) {
    const { monthly_limit, thresholds } = profile.budget;
    lines.push(
      `budget:         ${formatUsd(monthly_limit)} a month, alerts at ${thresholds.map((threshold) => `${threshold}%`).join(', ')}`,
    );
  }
  const discounts = Object.entries(profile.discounts ?? {});
  if (discounts.length > 0) {
    lines.push(
      `discounts:      ${discounts.map(([service, percent]) => `${service} ${percent}%`).join(', ')}`,
    );
  }
  lines.push(
    `billed spend:   ${profile.cost_explorer ? 'from Cost Explorer' : 'not fetched (estimates only)'}`,
  );
  lines.push(`policy:         ${Object.keys(profile.policy).length} rules (cws-tui policy show)`);
  lines.push(
    `team store:     ${profile.team_store ? `DynamoDB table ${profile.team_store}` : 'local file on this machine'}`,
  );
  return `${lines.join('\n')}\n`;
}

async function createProfile(context: CommandContext, config: ConfigStore, name: string): Promise<Profile> {
  const { flags, stderr } = context;
  if (!flags.awsProfile) throw usageError('profiles create needs --aws-profile <name> (from ~/.aws/config)');
  const awsProfiles = await readAwsProfiles(context.env);
  const awsProfile = awsProfiles.find((candidate) => candidate.name === flags.awsProfile);
  if (!awsProfile) {
    stderr(
      `cws-tui: note: the AWS profile '${flags.awsProfile}' is not in your AWS config or credentials files; the profile is created anyway\n`,
    );
  }
  const region = flags.region ?? awsProfile?.region;
  if (!region)
    throw usageError(`profiles create needs --region (the AWS profile '${flags.awsProfile}' names none)`);
  if (flags.user !== undefined) {
    const problem = usernameProblem(flags.user);
    if (problem) throw usageError(`--user: ${problem}`);
  }
  if (flags.budget !== undefined && !(flags.budget > 0))
    throw usageError('--budget is a monthly amount in USD, above 0');
  let discounts: Discounts;
  try {
    discounts = parseDiscounts(flags.discount);
  } catch (error) {
    if (error instanceof DiscountSyntaxError) throw usageError(`--discount ${error.message}`);
    throw error;
  }
  let policy: Profile['policy'] = {};
  if (flags.policy) {
    try {
      policy = await loadPolicyFile(flags.policy);
    } catch (error) {
      if (error instanceof PolicyParseError)
        throw new CliError(`the policy file is not valid:\n${error.message}`);
      throw error;
    }
  }
  const profile: Profile = {
    name,
    aws_profile: flags.awsProfile,
    region,
    ...(flags.user !== undefined ? { research_user: flags.user } : {}),
    policy,
    policy_chain: [],
    // Only the limit is given on the command line: alerts at the usual 50, 80 and 100%, each a warning.
    ...(flags.budget !== undefined ? { budget: budgetSchema.parse({ monthly_limit: flags.budget }) } : {}),
    ...(Object.keys(discounts).length > 0 ? { discounts } : {}),
    cost_explorer: flags.costExplorer,
    ...(flags.teamStore !== undefined ? { team_store: teamTableFlag(flags.teamStore) } : {}),
    kind: 'personal',
    role: flags.admin ? 'admin' : 'member',
    can_invite: false,
    created_at: new Date().toISOString(),
  };
  config.addProfile(profile);
  return profile;
}

function teamTableFlag(table: string): string {
  if (TEAM_TABLE_PATTERN.test(table)) return table;
  throw usageError(`--team-store takes a DynamoDB table name (3-255 letters, digits, _ . -), got '${table}'`);
}

/** `cws-tui profiles list|current|use|create|delete`. */
export const runProfilesCommand: CommandRun = async (context) => {
  const { args, flags, stdout } = context;
  const [subcommand, name, ...extra] = args;
  const config = openConfigForCommand(context);
  const needName = (usage: string): string => {
    if (!name || extra.length > 0) throw usageError(`usage: cws-tui profiles ${usage}`);
    return name;
  };
  try {
    switch (subcommand) {
      case 'list': {
        const current = config.currentProfileName();
        // Kind and role as the signed chain says, never as the (editable) config file caches them.
        const trust = await loadRootTrust(
          context.env,
          new PinnedRootStore(resolveAppPaths(context.env).stateDir),
        );
        const verified = verifiedProfiles(config.listProfiles(), trust);
        const profiles = verified.profiles;
        for (const problem of verified.problems) context.stderr(`cws-tui: ${problem}\n`);
        if (flags.json) {
          stdout(
            `${JSON.stringify(
              profiles.map((profile) => profileJson(profile, profile.name === current)),
              null,
              2,
            )}\n`,
          );
        } else if (profiles.length === 0) {
          stdout(
            'no profiles yet; create one with: cws-tui profiles create <name> --aws-profile P --region R\n',
          );
        } else {
          stdout(
            renderTextTable(profiles, [
              { header: ' ', value: (profile) => (profile.name === current ? '*' : '') },
              { header: 'NAME', value: (profile) => profile.name },
              { header: 'KIND', value: (profile) => profile.kind },
              { header: 'ROLE', value: (profile) => profile.role },
              { header: 'AWS PROFILE', value: (profile) => profile.aws_profile },
              { header: 'REGION', value: (profile) => profile.region },
              { header: 'USER', value: (profile) => profile.research_user ?? '' },
            ]),
          );
        }
        return 0;
      }
      case 'current': {
        if (name) throw usageError('usage: cws-tui profiles current [--json]');
        const cached = config.currentProfile();
        if (!cached) {
          throw new CliError(
            'no profile is current; create one with: cws-tui profiles create <name> --aws-profile P --region R',
          );
        }
        // What the profile may do is what its invitation signed, not what the file says.
        const { profile } = await governedProfileForCommand(context, cached);
        stdout(
          flags.json ? `${JSON.stringify(profileJson(profile, true), null, 2)}\n` : describeProfile(profile),
        );
        return 0;
      }
      case 'use': {
        const chosen = needName('use <name>');
        config.setCurrentProfile(chosen);
        stdout(
          flags.json
            ? `${JSON.stringify({ current: chosen })}\n`
            : `the current profile is now '${chosen}'\n`,
        );
        return 0;
      }
      case 'create': {
        const profile = await createProfile(
          context,
          config,
          needName(
            'create <name> --aws-profile P --region R [--policy FILE] [--admin] [--budget USD] [--discount ec2=10 ...] [--cost-explorer]',
          ),
        );
        const current = config.currentProfileName() === profile.name;
        stdout(
          flags.json
            ? `${JSON.stringify(profileJson(profile, current), null, 2)}\n`
            : `created profile '${profile.name}'${current ? ' (current)' : ''}\n`,
        );
        return 0;
      }
      case 'delete': {
        const doomed = needName('delete <name>');
        if (!config.deleteProfile(doomed)) throw new CliError(`no profile named '${doomed}'`);
        stdout(flags.json ? `${JSON.stringify({ deleted: doomed })}\n` : `deleted profile '${doomed}'\n`);
        return 0;
      }
      default:
        throw usageError(
          subcommand === undefined
            ? `profiles needs a subcommand: ${SUBCOMMANDS}`
            : `unknown profiles subcommand '${subcommand}': use ${SUBCOMMANDS}`,
        );
    }
  } catch (error) {
    if (error instanceof ConfigStoreError) throw new CliError(error.message);
    throw error;
  }
};
