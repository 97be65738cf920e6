import type { Workstation } from '../workstations/Workstation.js';
import type { FsxFileSystem } from './FsxFileSystem.js';
import { fsxMonthlyCost } from './fsxMonthlyCost.js';
import { workstationsMountingFsx } from './fsxOperations.js';

/** A way to spend less on storage, with what it saves a month and the command that does it. */
export interface StorageCostFinding {
  kind: 'idle-file-system' | 'old-scratch';
  file_system_id: string;
  name: string;
  monthly_saving_usd: number;
  why: string;
  command: string;
}

const DAY_MS = 86_400_000;
/** A file system no workstation mounts for this long is idle. */
export const IDLE_AFTER_DAYS = 7;
/** Scratch is for a run, not for keeping: older than this, its data belongs in S3. */
export const SCRATCH_LIFETIME_DAYS = 30;

/**
 * Findings over the app's FSx file systems: idle ones (no workstation launched with them for a
 * week) and scratch ones older than a scratch lifetime (export to S3, then delete). Each says what
 * it saves a month, from the same prices as the cost report.
 */
export function storageCostFindings(
  fileSystems: readonly FsxFileSystem[],
  workstations: readonly Workstation[],
  now: Date,
): StorageCostFinding[] {
  const findings: StorageCostFinding[] = [];
  for (const fs of fileSystems) {
    if (fs.state !== 'available') continue;
    const ageDays = (now.getTime() - Date.parse(fs.created_at)) / DAY_MS;
    const saving = Math.round(fsxMonthlyCost(fs).total_usd * 100) / 100;
    const mounted = workstationsMountingFsx(fs, workstations).length > 0;
    if (fs.deployment === 'scratch2' && ageDays > SCRATCH_LIFETIME_DAYS) {
      findings.push({
        kind: 'old-scratch',
        file_system_id: fs.id,
        name: fs.name,
        monthly_saving_usd: saving,
        why: `scratch file system ${Math.floor(ageDays)} days old (scratch lives ${SCRATCH_LIFETIME_DAYS}): its data is not replicated`,
        command: fs.data_repository
          ? `cws-tui storage task ${fs.id} export && cws-tui storage delete ${fs.id} --yes`
          : `cws-tui storage delete ${fs.id} --yes`,
      });
    } else if (!mounted && ageDays > IDLE_AFTER_DAYS) {
      findings.push({
        kind: 'idle-file-system',
        file_system_id: fs.id,
        name: fs.name,
        monthly_saving_usd: saving,
        why: `no workstation mounts it, ${Math.floor(ageDays)} days after it was created`,
        command: `cws-tui storage delete ${fs.id} --yes`,
      });
    }
  }
  return findings.sort((a, b) => b.monthly_saving_usd - a.monthly_saving_usd);
}
