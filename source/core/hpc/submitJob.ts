import { basename } from 'node:path';
import { sanitizeCommandOutput } from '../text/sanitizeCommandOutput.js';
import { type HpcContext, HpcError } from './HpcContext.js';
import type { HpcCluster } from './ports.js';
import { ensureResearchUsers, runSlurm } from './slurmOnCluster.js';
import { MAX_JOB_SCRIPT_BYTES } from './slurmScripts.js';

export interface JobSubmission {
  /** The script's name (for the copy on the head node) and content, read by the caller. */
  file_name: string;
  content: Uint8Array;
  partition?: string;
  nodes?: number;
  time?: string;
  /** More sbatch options, passed as given (`-- --array=1-10`). */
  sbatch_args: string[];
}

/**
 * Uploads a job script to the research user's home on the head node and submits it with sbatch
 * as that user, through SSM: no SSH key needed. An sbatch refusal comes back in Slurm's words.
 */
export async function submitJob(
  context: HpcContext,
  cluster: HpcCluster,
  submission: JobSubmission,
): Promise<string> {
  if (submission.content.byteLength > MAX_JOB_SCRIPT_BYTES)
    throw new HpcError(
      `the script is ${submission.content.byteLength} bytes, more than the ${MAX_JOB_SCRIPT_BYTES} bytes (48 KiB) SSM can carry`,
      'Keep the script small and read inputs from shared storage (/shared, /fsx).',
      2,
    );
  if (submission.content.byteLength === 0) throw new HpcError('the script is empty', undefined, 2);
  if (submission.nodes !== undefined && (!Number.isInteger(submission.nodes) || submission.nodes < 1))
    throw new HpcError('--nodes is a whole number, 1 or more', undefined, 2);
  if (submission.time !== undefined && !/^(\d+-)?\d+(:\d{2}){0,2}$/.test(submission.time))
    throw new HpcError(
      `--time '${submission.time}' is not a Slurm time (MM, HH:MM:SS or D-HH:MM:SS)`,
      undefined,
      2,
    );
  const user = await context.ops.researchUser();
  await ensureResearchUsers(context, cluster, user.username);
  const safeName = `${Date.now()}-${basename(submission.file_name)
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .slice(0, 80)}`;
  const args = [
    ...(submission.partition ? [`--partition=${submission.partition}`] : []),
    ...(submission.nodes !== undefined ? [`--nodes=${submission.nodes}`] : []),
    ...(submission.time ? [`--time=${submission.time}`] : []),
    ...submission.sbatch_args,
  ];
  const result = await runSlurm(context, cluster, {
    op: 'sbatch',
    user: user.username,
    file_name: safeName,
    script_base64: Buffer.from(submission.content).toString('base64'),
    args,
  });
  const said = sanitizeCommandOutput(`${result.stderr}${result.stdout}`).trim();
  if (result.exit_code !== 0)
    throw new HpcError(`sbatch refused the job:\n${said || `exit code ${result.exit_code}`}`);
  const jobId = /^(\d+)/.exec(result.stdout.trim())?.[1];
  if (!jobId) throw new HpcError(`sbatch answered without a job id:\n${said}`);
  return jobId;
}
