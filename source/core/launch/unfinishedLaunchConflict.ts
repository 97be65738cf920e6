import type { ComputePort } from '../ports.js';
import { LaunchError } from './LaunchError.js';
import type { LaunchRecord, LaunchRecordStore } from './LaunchRecordStore.js';
import type { LaunchRequest } from './LaunchRequest.js';

/** The arguments of a launch that decide what is started: kept in its record, compared on a retry. */
export interface LaunchArguments {
  template: string;
  region: string;
  instance_type: string;
  spot: boolean;
  hibernation: boolean;
  root_volume_gb: number;
}

function describe(args: Partial<LaunchArguments>): string {
  return [
    args.template,
    args.instance_type,
    args.region,
    args.spot === undefined ? undefined : args.spot ? 'spot' : 'on demand',
    args.hibernation ? 'hibernation' : undefined,
    args.root_volume_gb === undefined ? undefined : `${args.root_volume_gb} GB root`,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * When a name's unfinished launch was asked with other arguments, the sentence that says so, with
 * both sets and the two ways on; undefined when the retry asks for the same thing. Records written
 * before the arguments were kept compare on template and region only.
 */
export function unfinishedLaunchConflict(
  record: LaunchRecord,
  wanted: LaunchArguments,
): { message: string; hint: string } | undefined {
  const before: Partial<LaunchArguments> = {
    template: record.template,
    region: record.region,
    ...(record.arguments ?? {}),
  };
  const differs = (Object.keys(wanted) as (keyof LaunchArguments)[]).some(
    (key) => before[key] !== undefined && before[key] !== wanted[key],
  );
  if (!differs) return undefined;
  const finish = [
    `cws-tui launch ${record.template} ${record.name}`,
    record.arguments?.instance_type ? `--type ${record.arguments.instance_type}` : '',
    record.arguments?.spot ? '--spot' : '',
    record.arguments?.hibernation ? '--hibernation' : '',
    record.arguments?.root_volume_gb ? `--root-volume ${record.arguments.root_volume_gb}` : '',
    `--region ${record.region}`,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    message: `an unfinished launch of ${record.name} (${record.id}, started ${record.created_at}) asked for ${describe(before)}; this one asks for ${describe(wanted)}`,
    hint: `Finish the earlier one with \`${finish}\`, or abandon it with \`--abandon-unfinished\` (launch the new one with a new id; an instance the earlier attempt started is refused until you terminate it).`,
  };
}

/**
 * The name's unfinished launch to resume, when it asked for the same thing. One asked with other
 * arguments is refused with both sets shown, or set aside when the request says so (refused while
 * an instance it started still lives).
 */
export async function unfinishedMatching(
  records: LaunchRecordStore,
  compute: ComputePort,
  profile: string,
  request: LaunchRequest,
  wanted: LaunchArguments,
): Promise<LaunchRecord | undefined> {
  const existing = await records.findUnfinished(profile, request.name);
  if (!existing) return undefined;
  const conflict = unfinishedLaunchConflict(existing, wanted);
  if (!conflict) return existing;
  if (!request.abandon_unfinished) throw new LaunchError('check-policy', conflict.message, conflict.hint);
  const started = await compute.findByClientToken(existing.region, existing.id);
  if (started && started.state !== 'terminated') {
    throw new LaunchError(
      'check-policy',
      `the unfinished launch ${existing.id} started ${started.id} (${started.instance_type}, ${started.state})`,
      `Terminate it first (\`cws-tui terminate ${existing.name}\`), or finish that launch instead.`,
    );
  }
  await records.save({ ...existing, status: 'failed' });
  return undefined;
}
