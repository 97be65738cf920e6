/**
 * Rounds to whole cents, half away from zero, after removing binary floating-point noise (so 1.005
 * becomes 1.01). Every figure the app shows or prints goes through this, so views agree to the cent.
 */
export function roundUsd(amount: number): number {
  const cents = Math.round(Math.abs(amount) * 100 + 1e-7);
  const rounded = (Math.sign(amount) * cents) / 100;
  return rounded === 0 ? 0 : rounded;
}

// Made once: toLocaleString with options builds a new formatter on every call, which was the
// dashboard's most expensive line of its own per keypress (two prices on each of 33 rows). Made on
// first use, not at import: the first formatter loads ICU's number data (about 8 ms), which a
// `list --json` or an empty table never needs.
const formatters = new Map<number | undefined, Intl.NumberFormat>();

/** The en-US formatter with this many decimals (or the default), made once. */
function numbers(fractionDigits?: number): Intl.NumberFormat {
  let formatter = formatters.get(fractionDigits);
  if (!formatter) {
    formatter = new Intl.NumberFormat(
      'en-US',
      fractionDigits === undefined
        ? {}
        : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
    );
    formatters.set(fractionDigits, formatter);
  }
  return formatter;
}

/** `$1,234.56`: the one formatter for amounts in USD. */
export function formatUsd(amount: number): string {
  const rounded = roundUsd(amount);
  const text = numbers(2).format(Math.abs(rounded));
  return `${rounded < 0 ? '-' : ''}$${text}`;
}

/** `$0.0832/h`, `$3,031.7995/h`: hourly prices keep four decimals, as AWS publishes them. */
export function formatUsdPerHour(amount: number): string {
  return `${formatHourlyAmount(amount)}/h`;
}

/** `$0.0832`, `$3,031.7995`: an hourly rate without its unit (a `$/H` column). */
export function formatHourlyAmount(amount: number): string {
  const rounded = roundUsdPerHour(amount);
  const text = numbers(4).format(Math.abs(rounded));
  return `${rounded < 0 ? '-' : ''}$${text}`;
}

/** `10,000`: counts with thousands separators, the same in every view. */
export function formatCount(count: number): string {
  return numbers().format(count);
}

/** Rounds an hourly rate to the 4 decimals AWS publishes prices with. */
export function roundUsdPerHour(amount: number): number {
  const rounded = Math.sign(amount) * (Math.round(Math.abs(amount) * 10_000 + 1e-7) / 10_000);
  return rounded === 0 ? 0 : rounded;
}
