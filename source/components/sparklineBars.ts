const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/**
 * One block character per value, scaled to the largest: a day with no spend is the lowest bar, the
 * dearest day the full one. Only the last `width` values are kept when there are more.
 */
export function sparklineBars(values: readonly number[], width: number = values.length): string {
  const shown = width <= 0 ? [] : values.slice(-width);
  const highest = Math.max(0, ...shown);
  return shown
    .map((value) => {
      if (!(highest > 0) || !(value > 0)) return BARS[0];
      const level = Math.min(BARS.length - 1, Math.max(1, Math.round((value / highest) * (BARS.length - 1))));
      return BARS[level];
    })
    .join('');
}
