/**
 * Quotes a value as one bash word that expands to exactly that value: inside single quotes nothing
 * is special, and a single quote itself is closed, escaped and reopened.
 */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
