import { requireMountPoint } from '../volumes/mountScripts.js';

export const BENCH_PATTERNS = ['seq', 'random', 'metadata'] as const;
export type BenchPattern = (typeof BENCH_PATTERNS)[number];

export interface BenchRequest {
  pattern: BenchPattern;
  /** fio's size per job, e.g. 1G or 512M. */
  size: string;
  /** Where the file system or volume is mounted on the workstation. */
  directory: string;
  /** The storage kind (e.g. lustre-scratch2), which the demo account reads to answer. */
  kind: string;
}

const SIZE = /^([1-9][0-9]{0,5})([MG])$/;
/** Fewer than 16 MiB measures caches; more than 100 GiB per job fills small file systems. */
const MIN_MIB = 16;
const MAX_MIB = 100 * 1024;

/** The size's problem, or undefined when fio may write that much per job. */
export function benchSizeProblem(size: string): string | undefined {
  const match = SIZE.exec(size);
  if (!match) return `--size ${size} is not a size such as 1G or 512M`;
  const mib = Number(match[1]) * (match[2] === 'G' ? 1024 : 1);
  if (mib < MIN_MIB || mib > MAX_MIB) return `--size ${size} is outside 16M to 100G`;
  return undefined;
}

/** fio's job options per pattern: streaming 1 MiB blocks, 4 KiB random mixed 70/30, file creates. */
function fioOptions(pattern: BenchPattern, size: string): string {
  switch (pattern) {
    case 'seq':
      return `--rw=rw --bs=1M --numjobs=4 --iodepth=16 --ioengine=libaio --direct=1 --size=${size} --runtime=60 --time_based`;
    case 'random':
      return `--rw=randrw --rwmixread=70 --bs=4k --numjobs=4 --iodepth=32 --ioengine=libaio --direct=1 --size=${size} --runtime=60 --time_based`;
    case 'metadata':
      return '--ioengine=filecreate --nrfiles=20000 --filesize=4k --bs=4k --openfiles=1 --numjobs=4';
  }
}

/**
 * The root script SSM runs: installs fio when missing (dnf on Amazon Linux and Rocky, apt on
 * Ubuntu), refuses a directory that is not a mount point (so the root volume is never measured by
 * mistake), runs fio in a scratch directory it always removes, and prints fio's JSON on stdout.
 */
export function fioBenchScript(request: BenchRequest): string {
  const dir = requireMountPoint(request.directory);
  const problem = benchSizeProblem(request.size);
  if (problem) throw new Error(problem);
  if (!/^[a-z0-9-]+$/.test(request.kind)) throw new Error(`storage kind '${request.kind}' is not plain`);
  return [
    `# cws-tui:fio-bench pattern=${request.pattern} size=${request.size} kind=${request.kind} dir=${dir}`,
    'set -eu',
    'if ! command -v fio >/dev/null 2>&1; then',
    '  if command -v dnf >/dev/null 2>&1; then dnf install -y -q fio >&2',
    '  elif command -v apt-get >/dev/null 2>&1; then DEBIAN_FRONTEND=noninteractive apt-get install -y -q fio >&2 || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fio >&2; }',
    '  else echo "cws-bench: no dnf or apt-get to install fio with" >&2; exit 3; fi',
    'fi',
    `if ! mountpoint -q ${dir}; then echo "cws-bench: ${dir} is not mounted on this workstation" >&2; exit 4; fi`,
    `work=$(mktemp -d ${dir}/.cws-bench.XXXXXX)`,
    `trap 'rm -rf "$work"' EXIT`,
    `fio --name=cws-${request.pattern} --directory="$work" ${fioOptions(request.pattern, request.size)} --group_reporting --output-format=json`,
  ].join('\n');
}
