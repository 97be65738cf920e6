/** Beyond 2^53 units of the last decimal, toFixed's digits are not Intl's: Intl takes over. */
const EXACT_UNITS = 2 ** 53;

let fallbacks: Map<number | undefined, Intl.NumberFormat> | undefined;

function intlFormat(value: number, decimals: number | undefined): string {
  fallbacks ??= new Map();
  let format = fallbacks.get(decimals);
  if (format === undefined) {
    format = new Intl.NumberFormat(
      'en-US',
      decimals === undefined ? {} : { minimumFractionDigits: decimals, maximumFractionDigits: decimals },
    );
    fallbacks.set(decimals, format);
  }
  return format.format(value);
}

/**
 * `1,234.56`: what `Intl.NumberFormat('en-US')` prints, with `decimals` fixed (or a whole number
 * when undefined), for a value already rounded to those decimals. Done by hand for the usual sizes:
 * the first Intl formatter costs about 10 ms of ICU set-up, a tenth of the app's first frame.
 */
export function formatDecimal(value: number, decimals?: number): string {
  const usual =
    Number.isFinite(value) &&
    Math.abs(value) * 10 ** (decimals ?? 0) < EXACT_UNITS &&
    (decimals !== undefined || Number.isInteger(value));
  if (!usual) return intlFormat(value, decimals);
  const fixed = Math.abs(value).toFixed(decimals ?? 0);
  const point = fixed.indexOf('.');
  const whole = point === -1 ? fixed : fixed.slice(0, point);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  // -0 and values that round to zero print without a sign, as Intl's do not: callers round first.
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${point === -1 ? '' : fixed.slice(point)}`;
}
