/** One figure printed by `npm run bench`. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The goal as the issue states it, e.g. "< 50 ms". */
  goal?: string;
}
