import { useLayoutEffect, useState } from 'react';
import type { RenderCommitSignal } from './RenderCommitSignal.js';

/**
 * Renders nothing; re-renders on the signal's request so that the signal hears of the commit. Its
 * state is its own, so a request re-renders only this component (batched with the rest).
 */
export function RenderCommitProbe({ signal }: { signal: RenderCommitSignal }) {
  const [renders, setRenders] = useState(0);
  useLayoutEffect(() => signal.attach(() => setRenders((count) => count + 1)), [signal]);
  // Each requested render runs it, and so does a mount: a probe remounted (the view re-parented
  // while the terminal was too small) must not leave a waiting key press hanging.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `renders` is the trigger, not an input
  useLayoutEffect(() => signal.committed(), [signal, renders]);
  return null;
}
