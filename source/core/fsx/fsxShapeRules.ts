import type { FsxDeployment, FsxType } from './FsxFileSystem.js';

/**
 * What FSx accepts for each deployment type, so a bad value is refused before the call with the
 * nearest ones it would take. Lustre: 1,200 GiB, 2,400 GiB, then steps of 2,400 GiB; OpenZFS
 * (single AZ 1): 64 GiB to 512 TiB and a fixed list of throughput levels.
 */
export interface FsxShapeRule {
  type: FsxType;
  deployment: FsxDeployment;
  default_capacity_gib: number;
  min_capacity_gib: number;
  max_capacity_gib: number;
  /** Capacity above the first steps must be a multiple of this (1 for any GiB). */
  capacity_step_gib: number;
  /** Allowed below the first step (Lustre's 1,200 GiB). */
  capacity_extra_gib: readonly number[];
  /** The throughput levels FSx takes; one value when it is fixed by the deployment type. */
  throughputs: readonly number[];
  default_throughput: number;
  throughput_unit: 'MB/s/TiB' | 'MB/s';
  /** Whether the user may choose the throughput (scratch's is fixed). */
  throughput_settable: boolean;
}

export const FSX_SHAPE_RULES: Record<FsxDeployment, FsxShapeRule> = {
  scratch2: {
    type: 'lustre',
    deployment: 'scratch2',
    default_capacity_gib: 1200,
    min_capacity_gib: 1200,
    max_capacity_gib: 2_400 * 1_000,
    capacity_step_gib: 2400,
    capacity_extra_gib: [1200],
    throughputs: [200],
    default_throughput: 200,
    throughput_unit: 'MB/s/TiB',
    throughput_settable: false,
  },
  persistent2: {
    type: 'lustre',
    deployment: 'persistent2',
    default_capacity_gib: 1200,
    min_capacity_gib: 1200,
    max_capacity_gib: 2_400 * 1_000,
    capacity_step_gib: 2400,
    capacity_extra_gib: [1200],
    throughputs: [125, 250, 500, 1000],
    default_throughput: 125,
    throughput_unit: 'MB/s/TiB',
    throughput_settable: true,
  },
  'single-az-1': {
    type: 'openzfs',
    deployment: 'single-az-1',
    default_capacity_gib: 128,
    min_capacity_gib: 64,
    max_capacity_gib: 524_288,
    capacity_step_gib: 1,
    capacity_extra_gib: [],
    throughputs: [64, 128, 256, 512, 1024, 2048, 3072, 4096],
    default_throughput: 64,
    throughput_unit: 'MB/s',
    throughput_settable: true,
  },
};

/** The valid capacities nearest to `gib`: the one below and the one above (one when it is valid). */
export function nearestCapacities(rule: FsxShapeRule, gib: number): number[] {
  if (gib <= rule.min_capacity_gib) return [rule.min_capacity_gib];
  if (gib >= rule.max_capacity_gib) return [rule.max_capacity_gib];
  const steps = rule.capacity_step_gib;
  const below = Math.max(
    Math.floor(gib / steps) * steps,
    ...rule.capacity_extra_gib.filter((extra) => extra <= gib),
  );
  const above = Math.min(Math.ceil(gib / steps) * steps, rule.max_capacity_gib);
  const candidates = [below, above].filter((value) => value >= rule.min_capacity_gib);
  return [...new Set(candidates)].sort((a, b) => a - b);
}

export function isValidCapacity(rule: FsxShapeRule, gib: number): boolean {
  if (!Number.isInteger(gib) || gib < rule.min_capacity_gib || gib > rule.max_capacity_gib) return false;
  return rule.capacity_extra_gib.includes(gib) || gib % rule.capacity_step_gib === 0;
}

/** The allowed throughputs nearest to `value`: one below and one above. */
export function nearestThroughputs(rule: FsxShapeRule, value: number): number[] {
  const below = [...rule.throughputs].reverse().find((level) => level <= value);
  const above = rule.throughputs.find((level) => level >= value);
  return [...new Set([below, above].filter((level): level is number => level !== undefined))];
}

/**
 * Why FSx would refuse this shape, with the nearest valid values; empty when it would take it.
 * Checked before any call, so nothing is half-made.
 */
export function fsxShapeProblems(
  deployment: FsxDeployment,
  capacityGib: number,
  throughput?: number,
): string[] {
  const rule = FSX_SHAPE_RULES[deployment];
  const problems: string[] = [];
  if (!isValidCapacity(rule, capacityGib)) {
    const steps =
      rule.capacity_step_gib > 1
        ? `${rule.capacity_extra_gib.map((gib) => `${gib}`).join(', ')}, then multiples of ${rule.capacity_step_gib} GiB`
        : `${rule.min_capacity_gib} to ${rule.max_capacity_gib} GiB in whole GiB`;
    problems.push(
      `${rule.type} ${deployment} does not take ${capacityGib} GiB (it takes ${steps}): nearest ${nearestCapacities(
        rule,
        capacityGib,
      )
        .map((gib) => `${gib} GiB`)
        .join(' or ')}`,
    );
  }
  if (throughput !== undefined) {
    if (!rule.throughput_settable && throughput !== rule.default_throughput) {
      problems.push(
        `${deployment}'s throughput is fixed at ${rule.default_throughput} ${rule.throughput_unit}: drop --throughput, or use --deployment persistent2 for ${FSX_SHAPE_RULES.persistent2.throughputs.join(', ')} MB/s/TiB`,
      );
    } else if (!rule.throughputs.includes(throughput)) {
      problems.push(
        `${rule.type} ${deployment} does not take ${throughput} ${rule.throughput_unit} (it takes ${rule.throughputs.join(', ')}): nearest ${nearestThroughputs(rule, throughput).join(' or ')} ${rule.throughput_unit}`,
      );
    }
  }
  return problems;
}
