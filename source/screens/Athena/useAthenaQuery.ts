import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { useCallback, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import { useShell } from '../../app/ShellContext.js';
import { defaultResultsLocation } from '../../core/analytics/athenaWorkgroupSettings.js';
import type { QueryColumn } from '../../core/analytics/ports.js';
import { prepareAthenaQuery } from '../../core/analytics/prepareAthenaQuery.js';
import { type AthenaQueryOutcome, runAthenaQuery } from '../../core/analytics/runAthenaQuery.js';
import type { ResultRow } from './resultColumns.js';
import { addPage, EMPTY_WINDOW, missingPages, RESULT_PAGE_ROWS, type ResultWindow } from './resultWindow.js';

/** A neighbouring page is fetched when the cursor comes this close to it. */
const PREFETCH_ROWS = 200;

export type QueryView =
  | { kind: 'idle' }
  | { kind: 'running'; sql: string; state: string }
  | { kind: 'failed'; message: string; hint?: string }
  | {
      kind: 'finished';
      outcome: AthenaQueryOutcome;
      columns: QueryColumn[];
      /** The first rows, which size the columns once so they do not shift as pages come and go. */
      sample: readonly ResultRow[];
      /** The pages around the cursor: fetched as it nears them, let go as it leaves. */
      window: ResultWindow;
    };

/** Runs a query from the editor and keeps a window of its result's pages around the cursor. */
export function useAthenaQuery() {
  const shell = useShell();
  const [view, setView] = useState<QueryView>({ kind: 'idle' });
  // Pages being fetched for the current query: each is asked for once at a time.
  const inFlight = useRef<{ outcome?: AthenaQueryOutcome; pages: Set<number> }>({ pages: new Set() });
  // Where the cursor is when a page arrives: the pages nearest it are the ones kept.
  const cursorRef = useRef(0);
  const session = shell.session;
  const region = session.info.region;
  const athena = session.account.analytics.athena;

  const run = useCallback(
    async (sql: string) => {
      setView({ kind: 'running', sql, state: 'STARTING' });
      try {
        const now = new Date();
        const project = session.profile.project;
        const policy = session.profile.policy;
        const fallback = policy.analytics ? undefined : await defaultResultsLocation(session.account, region);
        const prepared = await prepareAthenaQuery(athena, {
          policy,
          ...(fallback ? { default_results_location: fallback } : {}),
          profile: session.profile.name,
          region,
          month_start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString(),
          ...(project ? { project } : {}),
        });
        const cutoff = prepared.workgroup.bytes_scanned_cutoff;
        const outcome = await runAthenaQuery(
          athena,
          region,
          { sql, workgroup: prepared.workgroup.name, client_token: randomUUID() },
          {
            wait: (ms) => sleep(ms),
            onState: (query) => setView({ kind: 'running', sql, state: query.state }),
            ...(cutoff !== undefined ? { bytes_scanned_cutoff: cutoff } : {}),
          },
        );
        inFlight.current = { outcome, pages: new Set() };
        if (outcome.query.state !== 'SUCCEEDED') {
          setView({ kind: 'finished', outcome, columns: [], sample: [], window: EMPTY_WINDOW });
          return;
        }
        const first = await athena.getResultsPage(region, outcome.query.id, { max_rows: RESULT_PAGE_ROWS });
        const window = addPage(EMPTY_WINDOW, 0, first.rows, first.next_token);
        setView({
          kind: 'finished',
          outcome,
          columns: first.columns,
          sample: window.pages.get(0)?.slice(0, 50) ?? [],
          window,
        });
      } catch (error) {
        const described = describeError(error);
        setView({
          kind: 'failed',
          message: described.message,
          ...(described.hint ? { hint: described.hint } : {}),
        });
      }
    },
    [athena, region, session],
  );

  /** Fetches the pages the cursor needs that are not held (again, for pages let go earlier). */
  const ensureRows = useCallback(
    (cursor: number) => {
      if (view.kind !== 'finished' || view.outcome.query.state !== 'SUCCEEDED') return;
      const { outcome, window } = view;
      const flight = inFlight.current;
      if (flight.outcome !== outcome) return;
      for (const page of missingPages(window, cursor, PREFETCH_ROWS)) {
        if (flight.pages.has(page)) continue;
        flight.pages.add(page);
        const token = window.tokens[page];
        athena
          .getResultsPage(region, outcome.query.id, {
            max_rows: RESULT_PAGE_ROWS,
            ...(token ? { token } : {}),
          })
          .then(
            (fetched) => {
              flight.pages.delete(page);
              setView((previous) =>
                previous.kind === 'finished' && previous.outcome === outcome
                  ? {
                      ...previous,
                      window: addPage(
                        previous.window,
                        page,
                        fetched.rows,
                        fetched.next_token,
                        cursorRef.current,
                      ),
                    }
                  : previous,
              );
            },
            (error: unknown) => {
              flight.pages.delete(page);
              setView({ kind: 'failed', message: describeError(error).message });
            },
          );
      }
    },
    [view, athena, region],
  );
  const moveCursor = useCallback(
    (cursor: number) => {
      cursorRef.current = cursor;
      ensureRows(cursor);
    },
    [ensureRows],
  );

  return { view, run, ensureRows: moveCursor };
}
