import { useEffect, useRef } from 'react';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { costRefreshLoop } from '../../screens/Cost/costRefreshLoop.js';
import { describeError } from '../describeError.js';
import type { Session } from '../session/Session.js';
import type { AppStore } from '../store/AppStore.js';
import { RefreshLoop } from '../store/RefreshLoop.js';
import { workstationStatesChanged } from './workstationStatesChanged.js';

export interface SessionLoopOptions {
  session: Session | undefined;
  store: AppStore;
  refreshMs: number;
  now: () => number;
  /** A dialog is open: refreshes wait (the rows under it must not move). */
  isPaused: () => boolean;
  /** The user is typing: a refresh waits for a pause. */
  isBusy: () => boolean;
}

/**
 * While a session is open: its notices and identity into the store, and the two refresh loops
 * (workstations, cost report). Returns what refreshes both now (after an action).
 */
export function useSessionLoops({
  session,
  store,
  refreshMs,
  now,
  isPaused,
  isBusy,
}: SessionLoopOptions): () => void {
  const loopRef = useRef<RefreshLoop | undefined>(undefined);
  const costLoopRef = useRef<RefreshLoop | undefined>(undefined);
  const pausedRef = useRef(isPaused);
  pausedRef.current = isPaused;

  useEffect(() => {
    if (!session) return;
    // Cleared when the session is replaced (a profile switch): its late answers are dropped.
    let current = true;
    for (const notice of session.info.notices) store.flash('info', notice, undefined, 'session');
    session.callerIdentity().then(
      (identity) => {
        if (current) store.setIdentity(identity);
      },
      (error: unknown) => {
        if (!current) return;
        const { message, hint } = describeError(error);
        store.flash('error', `Could not identify the account: ${message}`, hint, 'session');
      },
    );
    let lastListed: readonly Workstation[] | undefined;
    session.shareListings?.(refreshMs);
    const loop = new RefreshLoop({
      intervalMs: refreshMs,
      isPaused: () => pausedRef.current(),
      isBusy,
      refresh: async () => {
        store.refreshStarted();
        try {
          const workstations = await session.listWorkstations();
          // A listing that returns after a profile switch belongs to the old session: dropped.
          if (!current) return;
          const shownBefore = store.getState().workstations;
          store.refreshSucceeded(workstations, now());
          // A state change (a stop, a termination finishing) changes the burn rate: re-price now.
          // Rows the store kept as they were (the same array) changed no state: nothing to compare.
          if (store.getState().workstations !== shownBefore) {
            if (lastListed !== undefined && workstationStatesChanged(lastListed, workstations)) {
              costLoopRef.current?.requestNow();
            }
            lastListed = workstations;
          }
        } catch (error) {
          if (!current) return;
          const { message, hint } = describeError(error);
          store.refreshFailed(message);
          store.flash('error', `Refresh failed: ${message}`, hint, 'refresh');
        }
      },
    });
    loopRef.current = loop;
    loop.start();
    const costLoop = costRefreshLoop({
      session,
      store,
      intervalMs: refreshMs,
      isPaused: () => pausedRef.current(),
      isBusy,
      isCurrent: () => current,
    });
    costLoopRef.current = costLoop;
    costLoop.start();
    return () => {
      current = false;
      loop.stop();
      costLoop.stop();
      loopRef.current = undefined;
      costLoopRef.current = undefined;
    };
  }, [session, store, refreshMs, now, isBusy]);

  return useRef(() => {
    loopRef.current?.requestNow();
    costLoopRef.current?.requestNow();
  }).current;
}
