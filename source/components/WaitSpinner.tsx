import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { useTheme } from '../app/ThemeContext.js';

/** Braille frames: one cell wide in every terminal font the app supports. */
export const SPINNER_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;
/** Often enough to look alive, rarely enough that a slow SSH link does not fill with redraws. */
const TICK_MS = 250;

/** `12s`, `1m 05s`, `1h 02m`: how long something has been waited for. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

export interface WaitSpinnerProps {
  /** When the wait began (epoch ms); by default when the spinner first showed. */
  since?: number;
  /** Said after the elapsed time, e.g. "Loading sizes and prices". */
  label?: string;
}

/**
 * A turning mark and the time waited so far, for anything that waits on the network: a static
 * `…` on an 80-second step reads as a hang.
 */
export function WaitSpinner({ since, label }: WaitSpinnerProps) {
  const theme = useTheme();
  const [now, setNow] = useState(() => Date.now());
  const [shown] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const frame = SPINNER_FRAMES[Math.floor(now / TICK_MS) % SPINNER_FRAMES.length];
  return (
    <Text>
      <Text color={theme.warning}>{frame}</Text>
      {label ? ` ${label}` : ''}
      <Text color={theme.muted}> {formatElapsed(now - (since ?? shown))}</Text>
    </Text>
  );
}
