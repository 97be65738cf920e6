import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { csvLine } from '../../core/analytics/queryRowsOutput.js';
import { type FetchResultsPage, streamQueryResults } from '../../core/analytics/streamQueryResults.js';

/**
 * Writes a query's whole result to `path` as CSV, page by page from Athena (never all in memory),
 * into a temporary file renamed at the end: a failure leaves no half-written file. The row count.
 */
export async function exportQueryCsv(path: string, fetchPage: FetchResultsPage): Promise<number> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { flags: 'wx' });
  let rows = 0;
  try {
    let first = true;
    for await (const page of streamQueryResults(fetchPage)) {
      if (first) out.write(csvLine(page.columns.map((column) => column.name)));
      first = false;
      for (const row of page.rows) {
        if (!out.write(csvLine(row))) await once(out, 'drain');
        rows += 1;
      }
    }
    out.end();
    await once(out, 'finish');
    await rename(partial, path);
    return rows;
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}
