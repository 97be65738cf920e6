import type { DoctorCheck } from '../core/doctor/DoctorCheck.js';
import { awsChecks, localChecks } from '../core/doctor/doctorChecks.js';
import { NetworkSettingsStore } from '../core/network/NetworkSettingsStore.js';
import { resolveAppPaths } from '../core/paths.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { EXIT, usageError } from './CliError.js';
import type { CommandRun } from './Command.js';
import { openCommandSession } from './openCommandSession.js';
import { openConfigForCommand } from './profilesCommand.js';

const MARK: Record<DoctorCheck['status'], string> = { ok: 'ok  ', warning: 'warn', failing: 'FAIL' };

/**
 * `cws-tui doctor [--json]`: the first command to run on a new machine or account. Each check is
 * ok, a warning, or failing with the fix; exit 1 when any check fails. On the demo account only
 * the local parts are checked, and it says so.
 */
export const runDoctorCommand: CommandRun = async (context) => {
  if (context.args.length > 0) throw usageError('usage: cws-tui doctor [--json]');
  const session = await openCommandSession(context);
  const { env, flags } = context;
  const region = flags.region ?? session.info.region;
  const network = async () => {
    const store = new NetworkSettingsStore(resolveAppPaths(env).configDir);
    const [overview, choice] = await Promise.all([
      session.account.network.describeNetworks(region),
      store.choice(session.profile.name, region),
    ]);
    return { overview, choice };
  };
  const local = await localChecks({ env, region, network });
  let checks: DoctorCheck[];
  if (session.account.kind === 'demo') {
    checks = [
      {
        name: 'account',
        status: 'ok',
        detail: 'the built-in demo account: nothing reaches AWS, only the local parts are checked',
        fix: 'Create a profile for AWS: cws-tui profiles create <name> --aws-profile P --region R',
      },
      ...local,
    ];
  } else {
    const profile = openConfigForCommand(context).getProfile(session.info.profile);
    const awsProfile = profile?.aws_profile ?? env.AWS_PROFILE;
    const [{ chooseCredentialSource }, { awsDoctorProbes }] = await Promise.all([
      import('../aws/credentialSource.js'),
      import('../aws/doctor/awsDoctorProbes.js'),
    ]);
    const source = await chooseCredentialSource(env, awsProfile);
    const recorded = await new NetworkSettingsStore(resolveAppPaths(env).configDir).choice(
      session.profile.name,
      region,
    );
    const remote = await awsChecks({
      identity: () => session.callerIdentity(),
      credentialSource: source.description,
      region,
      costExplorer: profile?.cost_explorer === true,
      ...(recorded.subnet_id ? { subnetId: recorded.subnet_id } : {}),
      probes: awsDoctorProbes({ ...(awsProfile ? { profile: awsProfile } : {}), env }),
    });
    checks = [...remote.slice(0, 2), ...local, ...remote.slice(2)];
  }
  const failing = checks.some((entry) => entry.status === 'failing');
  if (flags.json) {
    context.stdout(`${JSON.stringify({ account_kind: session.account.kind, region, checks }, null, 2)}\n`);
  } else {
    for (const entry of checks) {
      context.stdout(`${MARK[entry.status]}  ${entry.name}: ${sanitizeForTerminal(entry.detail)}\n`);
      if (entry.fix && entry.status !== 'ok')
        context.stdout(`      fix: ${sanitizeForTerminal(entry.fix)}\n`);
    }
  }
  return failing ? EXIT.error : EXIT.ok;
};
