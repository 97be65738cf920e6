import type { ResultRow } from './resultColumns.js';

/** Rows per GetQueryResults page (Athena's maximum). */
export const RESULT_PAGE_ROWS = 1000;
/** Pages kept in memory: the cursor's and one each side, so a screen of rows is always there. */
export const KEPT_PAGES = 3;

/**
 * The part of a query's result the `:athena` table holds: a few 1,000-row pages around the cursor,
 * and every page's token (a short string each), so that a page let go can be fetched again when
 * the cursor comes back. Memory stays bounded whatever the result's size.
 */
export interface ResultWindow {
  pages: ReadonlyMap<number, readonly ResultRow[]>;
  /** tokens[k] fetches page k (page 0 needs none); absent until page k-1 has been read. */
  tokens: readonly (string | undefined)[];
  /** Rows known to exist: through the furthest page read. */
  known_rows: number;
  /** The last page has been read: known_rows is the result's size. */
  complete: boolean;
}

export const EMPTY_WINDOW: ResultWindow = {
  pages: new Map(),
  tokens: [undefined],
  known_rows: 0,
  complete: false,
};

export const pageOf = (row: number): number => Math.floor(row / RESULT_PAGE_ROWS);

/** The window with page `index` added, keeping the KEPT_PAGES pages nearest the cursor's page. */
export function addPage(
  window: ResultWindow,
  index: number,
  cells: readonly string[][],
  nextToken: string | undefined,
  cursor: number = index * RESULT_PAGE_ROWS,
): ResultWindow {
  const first = index * RESULT_PAGE_ROWS;
  const pages = new Map(window.pages);
  pages.set(
    index,
    cells.map((row, offset) => ({ index: first + offset, cells: row })),
  );
  const around = pageOf(cursor);
  const nearest = [...pages.keys()].sort((a, b) => Math.abs(a - around) - Math.abs(b - around) || a - b);
  for (const far of nearest.slice(KEPT_PAGES)) pages.delete(far);
  const tokens = [...window.tokens];
  if (nextToken !== undefined) tokens[index + 1] = nextToken;
  const last = nextToken === undefined;
  return {
    pages,
    tokens,
    known_rows: Math.max(window.known_rows, first + cells.length),
    complete: window.complete || last,
  };
}

/**
 * The pages the cursor needs that are not held: its own, and the neighbour it is within
 * `prefetch` rows of (a page can be fetched only once its token is known).
 */
export function missingPages(window: ResultWindow, cursor: number, prefetch: number): number[] {
  const page = pageOf(cursor);
  const wanted = [page];
  if (cursor - page * RESULT_PAGE_ROWS < prefetch && page > 0) wanted.push(page - 1);
  if ((page + 1) * RESULT_PAGE_ROWS - cursor <= prefetch) wanted.push(page + 1);
  return wanted.filter(
    (index) =>
      !window.pages.has(index) &&
      index < window.tokens.length &&
      (index === 0 || window.tokens[index] !== undefined),
  );
}

/** The held rows as one run around the cursor: `rows` start at result row `offset`. */
export function heldRows(window: ResultWindow, cursor: number): { offset: number; rows: ResultRow[] } {
  const page = pageOf(cursor);
  if (!window.pages.has(page)) return { offset: page * RESULT_PAGE_ROWS, rows: [] };
  let from = page;
  while (window.pages.has(from - 1)) from--;
  const rows: ResultRow[] = [];
  for (let index = from; window.pages.has(index); index++) rows.push(...(window.pages.get(index) ?? []));
  return { offset: from * RESULT_PAGE_ROWS, rows };
}

/** The row at an index, when its page is held. */
export function rowAt(window: ResultWindow, index: number): ResultRow | undefined {
  return window.pages.get(pageOf(index))?.[index % RESULT_PAGE_ROWS];
}
