import type { QueryColumn, QueryResultsPage } from './ports.js';

/** Athena returns at most 1,000 rows a page. */
export const ATHENA_MAX_PAGE_ROWS = 1000;

export type FetchResultsPage = (token: string | undefined) => Promise<QueryResultsPage>;

/**
 * A query's results page by page, following NextToken: each page is handed on and let go, so a
 * result of any size is never held in memory at once.
 */
export async function* streamQueryResults(
  fetchPage: FetchResultsPage,
): AsyncGenerator<{ columns: QueryColumn[]; rows: string[][] }> {
  let token: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await fetchPage(token);
    yield { columns: page.columns, rows: page.rows };
    token = page.next_token;
    // A token Athena hands back twice would loop forever.
    if (token !== undefined) {
      if (seen.has(token)) throw new Error(`Athena returned the page token ${token.slice(0, 12)}… twice`);
      seen.add(token);
    }
  } while (token !== undefined);
}
