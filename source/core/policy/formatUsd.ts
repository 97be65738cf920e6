/** `$0.0416`, `$1.20`, `$500.00`: cents for amounts of a dollar or more, four places below. */
export function formatUsd(amount: number): string {
  if (Math.abs(amount) >= 1) return `$${amount.toFixed(2)}`;
  const precise = amount.toFixed(4).replace(/0{1,2}$/, '');
  return `$${precise}`;
}
