import type { QueryOutput } from '../../core/analytics/queryRowsOutput.js';
import { csvLine, jsonLine, tableLines } from '../../core/analytics/queryRowsOutput.js';
import { type FetchResultsPage, streamQueryResults } from '../../core/analytics/streamQueryResults.js';

/** Prints a query's results page by page as they arrive (never all of them in memory); the row count. */
export async function printQueryResults(
  write: (text: string) => void,
  output: QueryOutput,
  fetchPage: FetchResultsPage,
): Promise<number> {
  let count = 0;
  let first = true;
  for await (const page of streamQueryResults(fetchPage)) {
    if (output === 'csv') {
      if (first) write(csvLine(page.columns.map((column) => column.name)));
      for (const row of page.rows) write(csvLine(row));
    } else if (output === 'json') {
      for (const row of page.rows) write(jsonLine(page.columns, row));
    } else if (first || page.rows.length > 0) {
      write(tableLines(page.columns, page.rows, first));
    }
    count += page.rows.length;
    first = false;
  }
  return count;
}
