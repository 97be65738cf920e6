import type { HeadNodeRun } from '../../core/hpc/ports.js';
import type { SlurmOperation } from '../../core/hpc/slurmScripts.js';
import type { DemoCluster, DemoHpcState } from './demoHpcState.js';
import { demoSbatch } from './demoSbatch.js';
import { demoSlurmOutput } from './demoSlurmOutput.js';
import { simulateSlurm } from './simulateSlurm.js';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The demo head node: runs the app's Slurm operations (read from each script's marker) against the
 * simulated queue, answering in Slurm's formats and error wording. Mutates `state` (submissions,
 * cancellations, users); the caller holds the state file's lock.
 */
export function runDemoSlurm(
  state: DemoHpcState,
  cluster: DemoCluster,
  operation: SlurmOperation,
  now: number,
  speed: number,
): HeadNodeRun {
  const missing = 'user' in operation && operation.user && !cluster.users.includes(operation.user);
  if (operation.op === 'users') {
    for (const user of operation.users) if (!cluster.users.includes(user.name)) cluster.users.push(user.name);
    return { exit_code: 0, stdout: '', stderr: '' };
  }
  if (missing && operation.op !== 'squeue' && operation.op !== 'sacct')
    return { exit_code: 1, stdout: '', stderr: `sudo: unknown user ${operation.user}\n` };
  if (operation.op === 'squeue' || operation.op === 'sinfo' || operation.op === 'sacct')
    return demoSlurmOutput(operation, simulateSlurm(cluster, now, speed), now, 60_000 * speed);
  if (operation.op === 'sbatch') {
    const submission = demoSbatch(
      Buffer.from(operation.script_base64, 'base64').toString('utf8'),
      operation.args,
      cluster.config,
    );
    if ('exit_code' in submission) return submission;
    const id = state.next_job_id++;
    const base = {
      id,
      user: operation.user,
      partition: submission.partition,
      nodes: submission.nodes,
      name: submission.name,
      submitted_at: now,
      work_seconds: submission.work_seconds,
      fails: submission.fails,
    };
    if (submission.array)
      for (const task of submission.array)
        cluster.jobs.push({
          ...base,
          array_task: task,
          work_seconds: submission.work_seconds + (task % 5) * 10,
          ...(submission.array_limit ? { array_limit: submission.array_limit } : {}),
        });
    else cluster.jobs.push(base);
    return { exit_code: 0, stdout: `${id}\n`, stderr: '' };
  }
  const simulated = simulateSlurm(cluster, now, speed);
  const target = simulated.jobs.filter(
    (sim) => sim.job_id === operation.job_id || String(sim.job.id) === operation.job_id,
  );
  if (target.length === 0)
    return {
      exit_code: 1,
      stdout: '',
      stderr: `scancel: error: Kill job error on job id ${operation.job_id}: Invalid job id specified\n`,
    };
  if (operation.op === 'tail') {
    const sim = target[0]!;
    if (sim.start === undefined)
      return {
        exit_code: 1,
        stdout: '',
        stderr: `tail: cannot open 'slurm-${sim.job_id}.out' for reading: No such file or directory\n`,
      };
    const lines = [
      `task ${sim.job.array_task ?? 0} of job ${sim.job.id} on ${sim.nodes[0] ?? '?'}`,
      `started ${iso(sim.start)}`,
    ];
    if (sim.state !== 'RUNNING')
      lines.push(sim.state === 'FAILED' ? 'error: exit status 1' : `finished: ${sim.state}`);
    return { exit_code: 0, stdout: `${lines.slice(-operation.lines).join('\n')}\n`, stderr: '' };
  }
  if (target.some((sim) => sim.job.user !== operation.user))
    return {
      exit_code: 1,
      stdout: '',
      stderr: `scancel: error: Kill job error on job id ${operation.job_id}: Access/permission denied\n`,
    };
  const active = target.filter((sim) => sim.state === 'PENDING' || sim.state === 'RUNNING');
  if (active.length === 0)
    return {
      exit_code: 1,
      stdout: '',
      stderr: `scancel: error: Kill job error on job id ${operation.job_id}: Job/step already completing or completed\n`,
    };
  for (const sim of active) sim.job.cancelled_at = now;
  return { exit_code: 0, stdout: '', stderr: '' };
}
