/**
 * Rounds each amount to a whole number of `unit` (0.01 for cents) so that the rounded amounts add up
 * to the rounded total: the largest-remainder method. Rounding each line on its own can show three
 * lines of $0.00 under a total of $0.01; a table whose lines do not add up is not trusted.
 */
export function apportionRounded(amounts: readonly number[], unit: number): number[] {
  const scale = 1 / unit;
  // The 1e-7 removes binary noise, as roundUsd does (1.005 is 100.49999… cents).
  const scaled = amounts.map((amount) => amount * scale);
  const floors = scaled.map((value) => Math.floor(value + 1e-7));
  const total = Math.round(scaled.reduce((sum, value) => sum + value, 0) + 1e-7);
  let left = total - floors.reduce((sum, value) => sum + value, 0);
  const order = scaled
    .map((value, index) => ({ index, remainder: value - (floors[index] ?? 0) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const units = [...floors];
  for (let n = 0; left > 0 && order.length > 0; n = (n + 1) % order.length, left--) {
    const at = order[n]?.index ?? 0;
    units[at] = (units[at] ?? 0) + 1;
  }
  return units.map((count) => {
    const rounded = count / scale;
    return Object.is(rounded, -0) ? 0 : rounded;
  });
}
