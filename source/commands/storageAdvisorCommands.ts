import { FileStorageBenchStore } from '../core/fsx/FileStorageBenchStore.js';
import { parseCapacityGib, parseThroughputMbps } from '../core/fsx/parseStorageAmounts.js';
import { recommendStorage, STORAGE_PATTERNS, type StoragePattern } from '../core/fsx/recommendStorage.js';
import { measuredThroughputByType } from '../core/fsx/StorageBenchResult.js';
import { describeStoragePrices, STORAGE_PRICES, type StoragePrices } from '../core/fsx/storagePrices.js';
import { resolveAppPaths } from '../core/paths.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { usageError } from './CliError.js';
import type { CommandContext } from './Command.js';
import { renderTextTable } from './output/renderTextTable.js';

const USAGE =
  'usage: cws-tui storage recommend --capacity 20TiB --throughput 2GB/s --access shared|single --pattern hpc-scratch|ml-training|home|archive [--months 3] [--json]';

/**
 * The profile's region's storage prices; the snapshot when no session opens (no profile or
 * credentials), so the advisor still answers, saying whose prices it used.
 */
async function advisorPrices(context: CommandContext): Promise<StoragePrices> {
  try {
    const { openCommandSession } = await import('./openCommandSession.js');
    const session = await openCommandSession(context);
    const { regionStoragePrices } = await import('../core/fsx/regionStoragePrices.js');
    return await regionStoragePrices(session.account.storagePrices, session.info.region);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...STORAGE_PRICES, note: `no session for the profile's region (${reason})` };
  }
}

/**
 * `storage recommend`: the advisor's comparison and its pick, priced at the profile's region's
 * prices (the Price List API's, else the snapshot's).
 */
export async function recommendCommand(context: CommandContext): Promise<number> {
  const { flags } = context;
  if (!flags.capacity || !flags.throughput || !flags.access || !flags.pattern) throw usageError(USAGE);
  const capacity = parseCapacityGib(flags.capacity);
  if (capacity === undefined)
    throw usageError(`--capacity ${sanitizeForTerminal(flags.capacity)} is not a size such as 20TiB or 1200`);
  const throughput = parseThroughputMbps(flags.throughput);
  if (throughput === undefined)
    throw usageError(
      `--throughput ${sanitizeForTerminal(flags.throughput)} is not a rate such as 2GB/s or 500MB/s`,
    );
  if (flags.access !== 'shared' && flags.access !== 'single')
    throw usageError('--access is shared or single');
  if (!(STORAGE_PATTERNS as readonly string[]).includes(flags.pattern)) {
    throw usageError(`--pattern is one of ${STORAGE_PATTERNS.join(', ')}`);
  }
  const months = flags.months ?? 1;
  if (!Number.isInteger(months) || months < 1 || months > 60)
    throw usageError('--months is a whole number of months, 1 to 60');
  const benchStore = new FileStorageBenchStore(resolveAppPaths(context.env).stateDir);
  const measured = measuredThroughputByType(await benchStore.list());
  if (benchStore.recoveredFrom) context.stderr(`note: ${benchStore.recoveredFrom}\n`);
  const prices = await advisorPrices(context);
  const result = recommendStorage(
    {
      capacity_gib: capacity,
      throughput_mbps: throughput,
      access: flags.access,
      pattern: flags.pattern as StoragePattern,
      months,
    },
    measured,
    prices,
  );
  if (flags.json) {
    context.stdout(
      `${JSON.stringify({ ...result, prices: { region: prices.region, source: prices.source, as_of: prices.as_of, ...(prices.note ? { note: prices.note } : {}) } }, null, 2)}\n`,
    );
    return 0;
  }
  context.stdout(
    renderTextTable(
      [...result.options].sort((a, b) => Number(b.fits) - Number(a.fits) || a.monthly_usd - b.monthly_usd),
      [
        { header: 'OPTION', value: (o) => `${o === result.pick ? '* ' : '  '}${o.option}` },
        { header: 'FITS', value: (o) => (o.fits ? 'yes' : 'no') },
        { header: 'SIZE', value: (o) => `${o.provisioned_gib} GiB`, align: 'right' },
        { header: 'MB/S', value: (o) => `${Math.round(o.throughput_mbps)}`, align: 'right' },
        {
          header: 'MEASURED',
          value: (o) => (o.measured_mbps === undefined ? '-' : `${Math.round(o.measured_mbps)}`),
          align: 'right',
        },
        { header: 'LATENCY', value: (o) => o.latency },
        { header: 'DURABILITY', value: (o) => o.durability },
        { header: '$/MONTH', value: (o) => o.monthly_usd.toFixed(2), align: 'right' },
        { header: `$/${months} MO`, value: (o) => o.total_usd.toFixed(2), align: 'right' },
        { header: 'WHY', value: (o) => o.notes.join('; ') },
      ],
    ),
  );
  context.stdout(
    `\n${result.explanation}\nPrices: ${sanitizeForTerminal(describeStoragePrices(prices))}.${Object.keys(measured).length > 0 ? '\nMEASURED: MB/s your latest storage bench --pattern seq reached on that storage type (MB/S is the published figure).' : ''}\n`,
  );
  return result.pick ? 0 : 1;
}

/**
 * `storage findings`: idle, old scratch and over-provisioned FSx file systems, and EFS without a
 * lifecycle to Infrequent Access; what each costs a month and the command that fixes it.
 */
export async function findingsCommand(context: CommandContext): Promise<number> {
  const { openCommandSession } = await import('./openCommandSession.js');
  const { listStorageCostFindings } = await import('../core/fsx/listStorageCostFindings.js');
  const session = await openCommandSession(context);
  const findings = await listStorageCostFindings(
    session.account,
    session.info.regions,
    await session.listWorkstations(),
    new Date(),
  );
  if (context.flags.json) {
    context.stdout(`${JSON.stringify(findings, null, 2)}\n`);
    return 0;
  }
  if (findings.length === 0) {
    context.stdout(
      'No storage findings: every file system is mounted, within its lifetime and sized to its use, and EFS moves cold files to Infrequent Access.\n',
    );
    return 0;
  }
  for (const finding of findings) {
    context.stdout(
      `${sanitizeForTerminal(finding.name)} (${finding.file_system_id}): save $${finding.monthly_saving_usd.toFixed(2)}/month: ${finding.why}\n  ${finding.command}\n`,
    );
  }
  return 0;
}
