import { usageError } from './CliError.js';

/**
 * `--param name=value`, repeatable, as a map: the value is everything after the first `=` (it may
 * itself hold `=`), checked against the template's declaration later, where the types are known.
 */
export function parseParamFlags(entries: readonly string[]): Record<string, string> | undefined {
  if (entries.length === 0) return undefined;
  const values: Record<string, string> = {};
  for (const entry of entries) {
    const separator = entry.indexOf('=');
    if (separator <= 0) throw usageError(`--param takes name=value, got '${entry}'`);
    const name = entry.slice(0, separator);
    if (Object.hasOwn(values, name)) throw usageError(`--param ${name} is given twice`);
    values[name] = entry.slice(separator + 1);
  }
  return values;
}
