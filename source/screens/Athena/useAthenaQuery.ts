import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { useCallback, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import { useShell } from '../../app/ShellContext.js';
import { defaultResultsLocation } from '../../core/analytics/athenaWorkgroupSettings.js';
import type { AthenaQuery, QueryColumn } from '../../core/analytics/ports.js';
import { prepareAthenaQuery } from '../../core/analytics/prepareAthenaQuery.js';
import { type AthenaQueryOutcome, runAthenaQuery } from '../../core/analytics/runAthenaQuery.js';
import type { ResultRow } from './resultColumns.js';

/** A page's rows with their place in the result, made once as the page arrives. */
function indexed(rows: readonly string[][], first: number): ResultRow[] {
  return rows.map((cells, offset) => ({ index: first + offset, cells }));
}

/** Rows fetched per GetQueryResults call (Athena's maximum). */
const PAGE_ROWS = 1000;

export type QueryView =
  | { kind: 'idle' }
  | { kind: 'running'; sql: string; state: string }
  | { kind: 'failed'; message: string; hint?: string }
  | {
      kind: 'finished';
      outcome: AthenaQueryOutcome;
      columns: QueryColumn[];
      /** The rows fetched so far: the next page is asked for when the cursor nears their end. */
      rows: ResultRow[];
      next_token?: string;
    };

/** Runs a query from the editor and pages its results in as the table needs them. */
export function useAthenaQuery() {
  const shell = useShell();
  const [view, setView] = useState<QueryView>({ kind: 'idle' });
  // The page token asked for last: a page is fetched once, even if an effect of an older frame
  // (rows not yet grown) asks again after the page came in.
  const requested = useRef<string | undefined>(undefined);
  const session = shell.session;
  const region = session.info.region;
  const athena = session.account.analytics.athena;

  const fetchPage = useCallback(
    async (query: AthenaQuery, token: string | undefined) =>
      athena.getResultsPage(region, query.id, { max_rows: PAGE_ROWS, ...(token ? { token } : {}) }),
    [athena, region],
  );

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
        if (outcome.query.state !== 'SUCCEEDED') {
          setView({ kind: 'finished', outcome, columns: [], rows: [] });
          return;
        }
        const first = await fetchPage(outcome.query, undefined);
        setView({
          kind: 'finished',
          outcome,
          columns: first.columns,
          rows: indexed(first.rows, 0),
          ...(first.next_token ? { next_token: first.next_token } : {}),
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
    [athena, region, session, fetchPage],
  );

  /** Fetches the next page, once at a time, appending it. */
  const loadMore = useCallback(() => {
    if (view.kind !== 'finished' || !view.next_token || requested.current === view.next_token) return;
    requested.current = view.next_token;
    const { outcome, next_token } = view;
    fetchPage(outcome.query, next_token).then(
      (page) => {
        setView((previous) =>
          previous.kind === 'finished' && previous.outcome === outcome
            ? {
                ...previous,
                rows: previous.rows.concat(indexed(page.rows, previous.rows.length)),
                ...(page.next_token ? { next_token: page.next_token } : { next_token: undefined }),
              }
            : previous,
        );
      },
      (error: unknown) => {
        requested.current = undefined;
        setView({ kind: 'failed', message: describeError(error).message });
      },
    );
  }, [view, fetchPage]);

  return { view, run, loadMore };
}
