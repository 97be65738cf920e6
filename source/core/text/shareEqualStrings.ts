/**
 * Makes equal strings in parsed JSON one string: `JSON.parse` gives every value its own copy, so a
 * state file of 10,000 workstations holds 10,000 copies of the same image id, zone and launch time.
 * Walks `value` in place (it must be freshly parsed, not shared) and returns it. Values parsed one
 * by one (a file read record by record) share their strings when they are given the same `seen`.
 */
export function shareEqualStrings<T>(value: T, seen = new Map<string, string>()): T {
  const share = (text: string): string => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    seen.set(text, text);
    return text;
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const item: unknown = node[index];
        if (typeof item === 'string') node[index] = share(item);
        else if (item !== null && typeof item === 'object') walk(item);
      }
      return;
    }
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (typeof item === 'string') record[key] = share(item);
      else if (item !== null && typeof item === 'object') walk(item);
    }
  };
  if (value !== null && typeof value === 'object') walk(value);
  return value;
}
