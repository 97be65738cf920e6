import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../app/describeError.js';

/**
 * A page's read, run now and every `refreshMs`, one at a time (a slow read is never overlapped by
 * the next tick). A failure shows as `error`; the read clears it with `clearError` once it has
 * shown fresh data. `load` must be memoised (useCallback) or it restarts the timer each render.
 */
export function usePolledLoad(load: (clearError: () => void) => Promise<void>, refreshMs: number) {
  const [error, setError] = useState<string | undefined>(undefined);
  const busy = useRef(false);

  const reload = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    load(() => setError(undefined))
      .catch((thrown: unknown) => setError(describeError(thrown).message))
      .finally(() => {
        busy.current = false;
      });
  }, [load]);

  useEffect(() => {
    reload();
    const timer = setInterval(reload, refreshMs);
    return () => clearInterval(timer);
  }, [reload, refreshMs]);

  return { error, reload };
}
