import type { ParallelClusterConfig } from '../../core/hpc/parallelClusterConfigSchema.js';
import type { HeadNodeRun } from '../../core/hpc/ports.js';

export interface DemoSubmission {
  partition: string;
  nodes: number;
  name: string;
  array?: number[];
  array_limit?: number;
  fails: boolean;
  work_seconds: number;
}

function option(args: string[], long: string, short?: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith(`--${long}=`)) value = arg.slice(long.length + 3);
    else if (arg === `--${long}` || (short && arg === `-${short}`)) value = args[i + 1];
    else if (short && arg.startsWith(`-${short}`) && arg.length > 2) value = arg.slice(2);
  }
  return value;
}

/** `1-10%4`, `1,3,5`, `0-99:10`. */
function parseArray(spec: string): { tasks: number[]; limit?: number } | undefined {
  const [list = '', limit] = spec.split('%');
  const tasks: number[] = [];
  for (const part of list.split(',')) {
    const match = /^(\d+)(?:-(\d+)(?::(\d+))?)?$/.exec(part);
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    const step = match[3] === undefined ? 1 : Number(match[3]);
    if (to < from || step < 1 || to - from > 1000) return undefined;
    for (let task = from; task <= to; task += step) tasks.push(task);
  }
  return limit === undefined ? { tasks } : { tasks, limit: Number(limit) };
}

const fail = (message: string): HeadNodeRun => ({
  exit_code: 1,
  stdout: '',
  stderr: `sbatch: error: ${message}\n`,
});

/**
 * How the demo's sbatch reads a submission: `#SBATCH` lines first, then the command line's options
 * (which win, as in Slurm). Errors use Slurm's own wording.
 */
export function demoSbatch(
  script: string,
  args: string[],
  config: ParallelClusterConfig,
): DemoSubmission | HeadNodeRun {
  if (!script.startsWith('#!'))
    return fail(
      'This does not look like a batch script.  The first\nsbatch: error: line must start with #! followed by the path to an interpreter.\nsbatch: error: For instance: #!/bin/sh',
    );
  const directives = script
    .split('\n')
    .filter((line) => line.startsWith('#SBATCH'))
    .flatMap((line) => line.slice('#SBATCH'.length).trim().split(/\s+/));
  const all = [...directives, ...args];
  const queues = config.Scheduling.SlurmQueues;
  const partition = option(all, 'partition', 'p') ?? queues[0]?.Name ?? '';
  const queue = queues.find((q) => q.Name === partition);
  if (!queue)
    return fail(
      `invalid partition specified: ${partition}\nsbatch: error: Batch job submission failed: Invalid partition name specified`,
    );
  const nodes = Number(option(all, 'nodes', 'N') ?? '1');
  const max = queue.ComputeResources.reduce((sum, r) => sum + r.MaxCount, 0);
  if (!Number.isInteger(nodes) || nodes < 1) return fail('Invalid node count specified');
  if (nodes > max) return fail('Batch job submission failed: Node count specification invalid');
  const arraySpec = option(all, 'array', 'a');
  const array = arraySpec === undefined ? undefined : parseArray(arraySpec);
  if (arraySpec !== undefined && !array)
    return fail('Batch job submission failed: Invalid job array specification');
  const name = option(all, 'job-name', 'J') ?? 'script';
  // The demo's work: a minute or two per task, longer per node; `exit 1` anywhere fails the job.
  const work = 60 + (script.length % 60) + nodes * 30;
  return {
    partition,
    nodes,
    name,
    ...(array ? { array: array.tasks, ...(array.limit ? { array_limit: array.limit } : {}) } : {}),
    fails: /^\s*(exit [1-9]|false\s*$)/m.test(script),
    work_seconds: work,
  };
}
