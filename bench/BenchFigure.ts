/** One figure printed by `npm run bench`. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The goal as the issue states it, e.g. "< 50 ms" or "<= 1.1x"; `--check` enforces "<" and "<=". */
  goal?: string;
  /** What a ratio figure is divided by, measured in the same run (e.g. `node -e 0`). */
  anchor?: string;
  /** Derived from a formula rather than measured: printed as such, never checked. */
  computed?: boolean;
}

/** The upper bound a goal like "< 50 ms", "<= 600 bytes" or "<= 1.1x" sets, if it sets one. */
export function goalLimit(goal: string | undefined): { limit: number; inclusive: boolean } | undefined {
  const match = /^\s*(<=|≤|<)\s*([\d.,]+)/.exec(goal ?? '');
  if (!match?.[2]) return undefined;
  return { limit: Number(match[2].replaceAll(',', '')), inclusive: match[1] !== '<' };
}

/** Whether `value` meets `goal` (true when the goal sets no bound `--check` can test). */
export function meetsGoal(value: number, goal: string | undefined): boolean {
  const bound = goalLimit(goal);
  if (!bound) return true;
  return bound.inclusive ? value <= bound.limit : value < bound.limit;
}
