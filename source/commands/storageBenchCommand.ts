import { benchStorage } from '../core/fsx/benchStorage.js';
import { BENCH_PATTERNS, type BenchPattern, benchSizeProblem } from '../core/fsx/fioBenchScript.js';
import type { FioDirection } from '../core/fsx/parseFioJson.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { usageError } from './CliError.js';
import type { CommandContext } from './Command.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import { operationCommand, printJson } from './operations/operationCommand.js';

export const BENCH_USAGE =
  'usage: cws-tui storage bench <workstation> <fs-id|vol-id> [--pattern seq|random|metadata] [--size 1G] [--mount DIR] [--json]\n  (the workload flag is --pattern: --profile names the launch profile)';

const ID = /^(fs-[0-9a-f]{17}|vol-[0-9a-f]{8,17})$/;

function latency(d: FioDirection): string {
  return d.latency_ms
    ? `p50 ${d.latency_ms.p50} ms, p99 ${d.latency_ms.p99} ms, p99.9 ${d.latency_ms.p99_9} ms`
    : '-';
}

/**
 * `storage bench`: fio on the workstation (installed there when missing) against a mounted FSx
 * file system or EBS volume; prints and records throughput, IOPS and latency for the advisor.
 */
export function benchCommand(workstationName: string, targetId: string) {
  return async (context: CommandContext): Promise<number> => {
    const pattern = context.flags.pattern ?? 'seq';
    if (!(BENCH_PATTERNS as readonly string[]).includes(pattern))
      throw usageError(`--pattern is one of ${BENCH_PATTERNS.join(', ')} for storage bench\n${BENCH_USAGE}`);
    const size = context.flags.size ?? '1G';
    const sizeProblem = benchSizeProblem(size);
    if (sizeProblem) throw usageError(sanitizeForTerminal(sizeProblem));
    if (!ID.test(targetId))
      throw usageError(
        `'${sanitizeForTerminal(targetId)}' is not an FSx file system id (fs-...) or an EBS volume id (vol-...)`,
      );
    return operationCommand(async (operation) => {
      const workstation = await findWorkstationByName(operation.session, workstationName);
      if (!operation.flags.json)
        operation.stderr(
          `Running fio (${pattern}, ${size} a job) on ${workstation.name} against ${targetId}...\n`,
        );
      const result = await benchStorage(operation.ops, {
        workstation,
        target_id: targetId,
        pattern: pattern as BenchPattern,
        size,
        ...(operation.flags.mount ? { directory: operation.flags.mount } : {}),
      });
      if (operation.flags.json) {
        printJson(operation, result);
        return 0;
      }
      operation.stdout(
        [
          `${result.storage_type} ${result.target_id} (${result.capacity_gib} GiB) from ${result.workstation} (${result.instance_type}), ${result.pattern}, ${result.fio_version}:`,
          `  read   ${result.read.mb_per_s} MB/s  ${result.read.iops} IOPS  ${latency(result.read)}`,
          `  write  ${result.write.mb_per_s} MB/s  ${result.write.iops} IOPS  ${latency(result.write)}`,
          `  total  ${result.total_mb_per_s} MB/s  ${result.total_iops} IOPS`,
          'Recorded: cws-tui storage recommend shows it next to the published figures.',
          '',
        ].join('\n'),
      );
      return 0;
    })(context);
  };
}
