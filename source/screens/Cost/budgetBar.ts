/**
 * The month against the budget as a bar of `width` cells: `█` spent so far, `▒` what the projection
 * adds by the month's end, `░` what is left. Past the limit the bar is full and ends in `!`.
 */
export function budgetBar(spent: number, projected: number, limit: number, width: number): string {
  if (width <= 0) return '';
  const cells = (amount: number) => Math.max(0, Math.min(width, Math.round((amount / limit) * width)));
  const over = projected > limit || spent > limit;
  const filled = cells(spent);
  const expected = Math.max(filled, cells(projected));
  const bar = '█'.repeat(filled) + '▒'.repeat(expected - filled) + '░'.repeat(width - expected);
  return over ? `${bar.slice(0, -1)}!` : bar;
}
