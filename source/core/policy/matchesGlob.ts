/**
 * Whether `value` matches `pattern`, where `*` stands for any run of characters (including none)
 * and every other character stands for itself.
 */
export function matchesGlob(pattern: string, value: string): boolean {
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (parts.length === 1) return value === pattern;
  if (!value.startsWith(first)) return false;
  if (value.length < first.length + last.length || !value.endsWith(last)) return false;
  let position = first.length;
  const end = value.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = value.indexOf(middle, position);
    if (found === -1 || found + middle.length > end) return false;
    position = found + middle.length;
  }
  return true;
}

/**
 * Whether every string `inner` matches is also matched by `outer`. Reading `inner`'s `*` as a
 * literal character is exact here: each literal `*` must fall inside a run that one of `outer`'s
 * wildcards absorbs, and that wildcard absorbs any replacement just as well.
 */
export function globCovers(outer: string, inner: string): boolean {
  return matchesGlob(outer, inner);
}
