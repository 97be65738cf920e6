import type { HeadNodeRun } from '../../core/hpc/ports.js';
import type { SlurmOperation } from '../../core/hpc/slurmScripts.js';
import type { SimulatedJob, SimulatedNode } from './simulateSlurm.js';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19);

function duration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86400);
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return days > 0 ? `${days}-${hh}:${mm}:${ss}` : `${hh}:${mm}:${ss}`;
}

/** What squeue, sinfo and sacct print on the demo's head node, in the formats the app asks for. */
export function demoSlurmOutput(
  operation: Extract<SlurmOperation, { op: 'squeue' | 'sinfo' | 'sacct' }>,
  simulated: { jobs: SimulatedJob[]; nodes: SimulatedNode[] },
  now: number,
  bootMs: number,
): HeadNodeRun {
  const ok = (stdout: string): HeadNodeRun => ({ exit_code: 0, stdout, stderr: '' });
  if (operation.op === 'sinfo') {
    return ok(
      simulated.nodes
        .map((node) => {
          const up = node.up.some((interval) => interval.from <= now && now < interval.to);
          const booting =
            node.up.some((interval) => interval.from <= now && now < interval.from + bootMs) &&
            !node.busy_now;
          return `${node.queue}|${node.name}|${node.busy_now ? 'allocated' : booting ? 'idle#' : up ? 'idle' : 'idle~'}`;
        })
        .map((line) => `${line}\n`)
        .join(''),
    );
  }
  if (operation.op === 'squeue') {
    return ok(
      simulated.jobs
        .filter(
          (sim) =>
            (sim.state === 'PENDING' || sim.state === 'RUNNING') &&
            (!operation.user || sim.job.user === operation.user),
        )
        .map((sim) => {
          const used = sim.start === undefined ? 0 : (now - sim.start) / 1000;
          return `${sim.job_id}|${sim.job.user}|${sim.state}|${sim.job.partition}|${sim.job.nodes}|${duration(used)}|01:00:00|${iso(sim.job.submitted_at)}|${sim.nodes.join(',')}|${sim.reason || 'None'}|${sim.job.name}\n`;
        })
        .join(''),
    );
  }
  const since = Date.parse(operation.since);
  return ok(
    simulated.jobs
      .filter(
        (sim) =>
          (!operation.user || sim.job.user === operation.user) &&
          (Number.isNaN(since) || sim.job.submitted_at >= since),
      )
      .map((sim) => {
        const elapsed = sim.start === undefined ? 0 : ((sim.end ?? now) - sim.start) / 1000;
        const state = sim.state === 'CANCELLED' ? 'CANCELLED by 1001' : sim.state;
        const exit = sim.state === 'FAILED' ? '1:0' : sim.state === 'CANCELLED' ? '0:15' : '0:0';
        const end =
          sim.end !== undefined && sim.state !== 'RUNNING' && sim.state !== 'PENDING'
            ? iso(sim.end)
            : 'Unknown';
        return `${sim.job_id}|${sim.job.user}|${sim.job.partition}|${state}|${exit}|${duration(elapsed)}|${sim.job.nodes}|${iso(sim.job.submitted_at)}|${sim.start === undefined ? 'Unknown' : iso(sim.start)}|${end}|${sim.nodes.join(',') || 'None assigned'}|${sim.job.name}\n`;
      })
      .join(''),
  );
}
