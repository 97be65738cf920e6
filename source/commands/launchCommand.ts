import { formatUsd, formatUsdPerHour } from '../core/cost/formatUsd.js';
import { LaunchDeniedError, LaunchError } from '../core/launch/LaunchError.js';
import { LAUNCH_STEP_LABELS, type LaunchProgress } from '../core/launch/LaunchProgress.js';
import { LaunchRefusedError } from '../core/launch/LaunchRefusedError.js';
import { reservedTagProblem } from '../core/launch/reservedTagProblem.js';
import { validateProject, validateTagValue } from '../core/launch/validateLaunchNames.js';
import { isManagedServiceKind, serviceKindOf } from '../core/services/ServiceKind.js';
import type { StudioLabLaunchRequest } from '../core/services/StudioLabService.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandRun } from './Command.js';
import type { CommandFlags } from './CommandFlags.js';
import { serviceLaunchJson, workstationLaunchJson } from './json/launchJsonSchema.js';
import { openCommandSession } from './openCommandSession.js';
import { parseParamFlags } from './parseParamFlags.js';

/**
 * `cws-tui launch <template> <name>` (and `services launch`): runs the one launch pipeline of the
 * template's kind, printing each step as it goes; returns once the workstation runs (or is ready,
 * with --wait-ready) or the service is in service. Exit 3 when the policy denies.
 */
export const runLaunchCommand: CommandRun = async (context) => {
  const { args, flags, stdout, stderr } = context;
  const [template, name, ...extra] = args;
  if (!template || !name || extra.length > 0) {
    throw usageError(
      'usage: cws-tui launch <template> <name> [--size S | --type T] [--param k=v]... [--spot] [--hibernation] [--efs fs-...] [--notebook URL]',
    );
  }
  const request = launchRequestFrom(template, name, flags);
  const session = await openCommandSession(context);
  const steps: LaunchProgress[] = [];
  const onProgress = (progress: LaunchProgress) => {
    steps.push(progress);
    if (!flags.json) stderr(formatProgress(progress));
  };
  try {
    const resolved = await session.resolveTemplate(template);
    if (resolved.shadows_builtin) {
      stderr(
        `cws-tui: note: '${resolved.slug}' is your own template (${resolved.source}); it shadows the built-in of that name\n`,
      );
    }
    if (isManagedServiceKind(serviceKindOf(resolved))) {
      const result = await session.launchService(request, onProgress);
      const { workstation } = result;
      stdout(
        flags.json
          ? `${JSON.stringify(serviceLaunchJson(result, steps), null, 2)}\n`
          : `${workstation.name} (${workstation.kind}) is ${workstation.state}: ${result.hourly_cost === 0 ? 'no AWS cost' : `${formatUsdPerHour(result.hourly_cost)} while it runs`}. Open it with: cws-tui connect ${workstation.name}\n`,
      );
      return EXIT.ok;
    }
    const result = await session.launch(request, onProgress);
    if (flags.json) {
      stdout(`${JSON.stringify(workstationLaunchJson(result, steps), null, 2)}\n`);
    } else {
      stdout(
        `${result.instance.name} (${result.instance.id}) is ${result.instance.state} in ${result.instance.region}: ` +
          `${formatUsdPerHour(result.estimate.hourly)}, ${formatUsd(result.estimate.monthly)}/month (estimate)\n` +
          `Connect with: cws-tui connect ${result.instance.name}\n`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof LaunchDeniedError) {
      if (flags.json) {
        stdout(
          `${JSON.stringify({ allowed: false, violations: error.verdict.violations, suggestions: error.verdict.suggestions, steps }, null, 2)}\n`,
        );
      } else {
        stderr('The policy denies this launch:\n');
        for (const violation of error.verdict.violations) stderr(`  - ${violation.message}\n`);
        for (const suggestion of error.verdict.suggestions) stderr(`  suggestion: ${suggestion.message}\n`);
      }
      return EXIT.denied;
    }
    if (error instanceof LaunchRefusedError) {
      // A lab rule of the team store (a cap, a budget): denied like the policy, with its figures.
      if (flags.json)
        stdout(`${JSON.stringify({ allowed: false, refused: error.message, steps }, null, 2)}\n`);
      else stderr(`The lab denies this launch: ${error.message}${error.hint ? `\n  ${error.hint}` : ''}\n`);
      return EXIT.denied;
    }
    if (error instanceof LaunchError) {
      throw new CliError(
        `launch failed at "${LAUNCH_STEP_LABELS[error.step]}": ${error.message}${error.hint ? `\n  ${error.hint}` : ''}`,
      );
    }
    throw error;
  }
};

function launchRequestFrom(template: string, name: string, flags: CommandFlags): StudioLabLaunchRequest {
  const tags: Record<string, string> = {};
  for (const entry of flags.tag) {
    const separator = entry.indexOf('=');
    if (separator <= 0) throw usageError(`--tag takes key=value, got '${entry}'`);
    const [key, value] = [entry.slice(0, separator), entry.slice(separator + 1)];
    const reserved = reservedTagProblem(key);
    if (reserved) throw usageError(`--tag ${entry}: ${reserved}`);
    const problem = validateTagValue(key, value);
    if (problem) throw usageError(`--tag: ${problem}`);
    tags[key] = value;
  }
  const projectProblem = flags.project === undefined ? undefined : validateProject(flags.project);
  if (projectProblem) throw usageError(`--project: ${projectProblem}`);
  if (flags.accessPoint && !flags.efs) throw usageError('--access-point needs --efs');
  if (flags.fsx !== undefined && !/^fs-[0-9a-f]{17}$/.test(flags.fsx))
    throw usageError(`--fsx ${flags.fsx} is not an FSx file system id (fs- and 17 hex digits)`);
  if (flags.size && flags.type) {
    throw usageError(
      `give either --size or --type, not both (--size ${flags.size} is ${template}'s own choice of type)`,
    );
  }
  if (flags.rootVolume !== undefined && !(Number.isInteger(flags.rootVolume) && flags.rootVolume >= 8)) {
    const given = Number.isNaN(flags.rootVolume)
      ? 'something that is not a number'
      : String(flags.rootVolume);
    throw usageError(`--root-volume is a whole number of GB, at least 8 (got ${given})`);
  }
  const parameters = parseParamFlags(flags.param);
  return {
    template,
    name,
    spot: flags.spot,
    hibernation: flags.hibernation,
    ...(flags.abandonUnfinished ? { abandon_unfinished: true } : {}),
    ...(flags.size ? { size: flags.size } : {}),
    ...(flags.type ? { instance_type: flags.type } : {}),
    ...(flags.rootVolume !== undefined ? { root_volume_gb: flags.rootVolume } : {}),
    ...(flags.efs
      ? {
          efs: {
            file_system_id: flags.efs,
            ...(flags.accessPoint ? { access_point_id: flags.accessPoint } : {}),
          },
        }
      : {}),
    ...(flags.fsx ? { fsx: { file_system_id: flags.fsx } } : {}),
    ...(flags.project ? { project: flags.project } : {}),
    ...(Object.keys(tags).length > 0 ? { tags } : {}),
    ...(parameters ? { parameters } : {}),
    ...(flags.reason ? { override_reason: flags.reason } : {}),
    ...(flags.notebook ? { notebook_url: flags.notebook } : {}),
    wait_ready: flags.waitReady,
  };
}

function formatProgress(progress: LaunchProgress): string {
  const label = LAUNCH_STEP_LABELS[progress.step];
  const detail = sanitizeForTerminal(progress.detail);
  switch (progress.status) {
    case 'started':
      return detail ? `  … ${label}: ${detail}\n` : '';
    case 'done':
      return `  ✓ ${label}${detail ? `: ${detail}` : ''}\n`;
    case 'skipped':
      return `  - ${label}: ${detail}\n`;
    case 'failed':
      return `  ✗ ${label}: ${detail}\n`;
  }
}
