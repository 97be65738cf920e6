/** Where in the SQL an error is, 1-based as Athena counts. */
export interface SqlErrorPosition {
  line: number;
  column: number;
}

/**
 * The line and column Athena names in a failed query's reason: Trino writes
 * "line 2:15: Column 'x' cannot be resolved", Hive DDL "Line 1:14 Table not found".
 */
export function sqlErrorPosition(reason: string): SqlErrorPosition | undefined {
  const match = /\bline (\d+):(\d+)/i.exec(reason);
  if (!match) return undefined;
  return { line: Number(match[1]), column: Number(match[2]) };
}

/**
 * The reason, then the offending SQL line with a caret under the column, so the user sees where
 * the error is without counting.
 */
export function describeSqlError(sql: string, reason: string): string {
  const position = sqlErrorPosition(reason);
  if (!position) return reason;
  const line = sql.split(/\r?\n/)[position.line - 1];
  if (line === undefined) return `${reason} (line ${position.line}, column ${position.column})`;
  const caret = `${' '.repeat(Math.max(0, Math.min(position.column, line.length + 1) - 1))}^`;
  return `${reason}\n  line ${position.line}, column ${position.column}:\n    ${line}\n    ${caret}`;
}
