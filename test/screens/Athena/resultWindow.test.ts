import { describe, expect, it } from 'vitest';
import {
  addPage,
  EMPTY_WINDOW,
  heldRows,
  KEPT_PAGES,
  missingPages,
  RESULT_PAGE_ROWS,
  type ResultWindow,
  rowAt,
} from '../../../source/screens/Athena/resultWindow.js';

const page = (index: number, size = RESULT_PAGE_ROWS) =>
  Array.from({ length: size }, (_, offset) => [String(index * RESULT_PAGE_ROWS + offset + 1)]);

/** Reads pages 0..n-1 in order with the cursor at each page's start, as paging down does. */
function readThrough(pages: number): ResultWindow {
  let window = EMPTY_WINDOW;
  for (let index = 0; index < pages; index++)
    window = addPage(window, index, page(index), `token-${index + 1}`, index * RESULT_PAGE_ROWS);
  return window;
}

describe('the Athena result window', () => {
  it('holds at most three pages, the ones nearest the cursor, and every token', () => {
    const window = readThrough(100);
    expect([...window.pages.keys()].sort((a, b) => a - b)).toEqual([97, 98, 99]);
    expect(window.pages.size).toBe(KEPT_PAGES);
    expect(window.tokens).toHaveLength(101);
    expect(window.known_rows).toBe(100_000);
    expect(window.complete).toBe(false);
    expect(rowAt(window, 98_500)?.cells).toEqual(['98501']);
    expect(rowAt(window, 5)).toBeUndefined();
  });

  it("asks again for a page let go when the cursor comes back, with that page's token", () => {
    const window = readThrough(10);
    expect(missingPages(window, 0, 200)).toEqual([0]);
    expect(missingPages(window, 4_100, 200)).toEqual([4, 3]);
    expect(window.tokens[4]).toBe('token-4');
    // Back at the top: page 0 again, the page furthest from it let go.
    const back = addPage(window, 0, page(0), 'token-1', 0);
    expect([...back.pages.keys()].sort((a, b) => a - b)).toEqual([0, 7, 8]);
    expect(heldRows(back, 10)).toMatchObject({ offset: 0, rows: expect.any(Array) });
    expect(heldRows(back, 10).rows).toHaveLength(RESULT_PAGE_ROWS);
  });

  it('prefetches the next page near a page end only once its token is known, and stops at the last', () => {
    let window = addPage(EMPTY_WINDOW, 0, page(0), 'token-1');
    expect(missingPages(window, 100, 200)).toEqual([]);
    expect(missingPages(window, 850, 200)).toEqual([1]);
    window = addPage(window, 1, page(1, 250), undefined, 900);
    expect(window.complete).toBe(true);
    expect(window.known_rows).toBe(1_250);
    expect(missingPages(window, 1_249, 200)).toEqual([]);
    // The held run around the cursor spans both pages, from row 0.
    const held = heldRows(window, 1_100);
    expect([held.offset, held.rows.length, held.rows.at(-1)?.index]).toEqual([0, 1_250, 1_249]);
  });
});
