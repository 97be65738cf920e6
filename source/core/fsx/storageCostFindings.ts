import type { EfsIaDays, FileSystem } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';
import type { FsxFileSystem } from './FsxFileSystem.js';
import { fsxMonthlyCost } from './fsxMonthlyCost.js';
import { workstationsMountingFsx } from './fsxOperations.js';
import { FSX_SHAPE_RULES } from './fsxShapeRules.js';
import { STORAGE_PRICES, type StoragePrices } from './storagePrices.js';

/** A way to spend less on storage, with what it saves a month and the command that does it. */
export interface StorageCostFinding {
  kind: 'idle-file-system' | 'old-scratch' | 'over-provisioned-throughput' | 'efs-without-ia';
  file_system_id: string;
  name: string;
  monthly_saving_usd: number;
  why: string;
  command: string;
}

/** The prices of a file system's region; the snapshot's unless the caller loaded the region's. */
export type PricesOf = (region: string) => StoragePrices;
const snapshotPrices: PricesOf = () => STORAGE_PRICES;

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
  pricesOf: PricesOf = snapshotPrices,
): StorageCostFinding[] {
  const findings: StorageCostFinding[] = [];
  for (const fs of fileSystems) {
    if (fs.state !== 'available') continue;
    const ageDays = (now.getTime() - Date.parse(fs.created_at)) / DAY_MS;
    const saving = Math.round(fsxMonthlyCost(fs, pricesOf(fs.region)).total_usd * 100) / 100;
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

/** The lifecycle rule a finding proposes: AWS's default, and the one `storage lifecycle` sets. */
export const PROPOSED_IA_DAYS = 30;
const GIB = 1024 ** 3;

/**
 * The app's EFS file systems that keep every file in Standard storage: with a lifecycle rule, files
 * unread for 30 days cost Infrequent Access's price instead. The saving is the most it can be at
 * today's size (every file cold); reads from IA are charged per GB, which the `why` says.
 */
export function efsWithoutIaFindings(
  fileSystems: ReadonlyArray<{ file_system: FileSystem; ia_days: EfsIaDays | undefined }>,
  pricesOf: PricesOf = snapshotPrices,
): StorageCostFinding[] {
  return fileSystems
    .filter(({ file_system, ia_days }) => ia_days === undefined && file_system.state === 'available')
    .map(({ file_system: fs }) => {
      const { standard_gb_month, infrequent_access_gb_month } = pricesOf(fs.region).efs;
      const gib = fs.size_bytes / GIB;
      return {
        kind: 'efs-without-ia' as const,
        file_system_id: fs.id,
        name: fs.name,
        monthly_saving_usd: Math.round(gib * (standard_gb_month - infrequent_access_gb_month) * 100) / 100,
        why: `EFS keeps all ${gib.toFixed(1)} GiB in Standard ($${standard_gb_month}/GB-month): files unread for ${PROPOSED_IA_DAYS} days could cost $${infrequent_access_gb_month} in Infrequent Access (up to this saving; reads from IA are billed per GB)`,
        command: `cws-tui storage lifecycle ${fs.id} ${PROPOSED_IA_DAYS} --region ${fs.region}`,
      };
    })
    .sort((a, b) => b.monthly_saving_usd - a.monthly_saving_usd);
}

/** How far back the busiest hour is looked for: two weeks covers a weekly cycle of runs twice. */
export const THROUGHPUT_WINDOW_DAYS = 14;
/** A lower level must still carry the busiest hour with this much to spare. */
const THROUGHPUT_HEADROOM = 1.5;

/** A file system's whole MB/s at a throughput level (Lustre's is per TiB stored). */
function totalMbps(fs: FsxFileSystem, level: number): number {
  return fs.type === 'lustre' ? (level * fs.capacity_gib) / 1024 : level;
}

/**
 * FSx file systems whose busiest hour over the last two weeks needed well under what they pay
 * for: the lowest throughput level that still carries it with half again to spare, what that
 * saves a month, and the command that sets it. Scratch's throughput is fixed, so it is left out.
 */
export function overProvisionedThroughputFindings(
  fileSystems: ReadonlyArray<{ file_system: FsxFileSystem; peak_mbps: number | undefined }>,
  pricesOf: PricesOf = snapshotPrices,
): StorageCostFinding[] {
  const findings: StorageCostFinding[] = [];
  for (const { file_system: fs, peak_mbps: peak } of fileSystems) {
    const rule = FSX_SHAPE_RULES[fs.deployment];
    if (fs.state !== 'available' || !rule.throughput_settable || peak === undefined) continue;
    const needed = peak * THROUGHPUT_HEADROOM;
    const level = rule.throughputs.find((candidate) => totalMbps(fs, candidate) >= needed);
    if (level === undefined || level >= fs.throughput) continue;
    const prices = pricesOf(fs.region);
    const saving =
      fsxMonthlyCost(fs, prices).total_usd - fsxMonthlyCost({ ...fs, throughput: level }, prices).total_usd;
    if (saving < 0.01) continue;
    findings.push({
      kind: 'over-provisioned-throughput',
      file_system_id: fs.id,
      name: fs.name,
      monthly_saving_usd: Math.round(saving * 100) / 100,
      why: `its busiest hour in ${THROUGHPUT_WINDOW_DAYS} days moved ${peak} MB/s of the ${Math.round(totalMbps(fs, fs.throughput))} MB/s it pays for: ${level} ${rule.throughput_unit} carries that with half again to spare`,
      command: `cws-tui storage throughput ${fs.id} ${level} --region ${fs.region}`,
    });
  }
  return findings.sort((a, b) => b.monthly_saving_usd - a.monthly_saving_usd);
}
