import { useInput, usePaste } from 'ink';
import { useCallback, useMemo, useRef } from 'react';
import { BracketedPaste, PASTE_LIMIT_CHARS } from './BracketedPaste.js';
import type { KeyDispatcher } from './KeyDispatcher.js';
import { KeyPressQueue } from './KeyPressQueue.js';
import { type KeyPress, keyPressesOf } from './keyPressesOf.js';
import type { RenderCommitSignal } from './RenderCommitSignal.js';

/** Keys closer together than this are typing: a refresh waits until it pauses. */
const TYPING_PAUSE_MS = 250;

export interface KeyInputOptions {
  dispatcher: KeyDispatcher;
  /** Heard once each frame is committed: a press waits for the frame the one before it changed. */
  commits: RenderCommitSignal;
  /** False while the terminal is too small: only quitting works then. */
  fits: boolean;
  quit: () => void;
  /** A paste over the limit: its length in characters. */
  refusePaste: (length: number) => void;
}

/**
 * The terminal's keys and pastes into the one dispatcher, one press at a time. Returns whether the
 * user is typing now (the refresh loops wait for a pause).
 */
export function useKeyInput({
  dispatcher,
  commits,
  fits,
  quit,
  refusePaste,
}: KeyInputOptions): () => boolean {
  // Presses read together are routed one at a time, each after the frame and the keys the one
  // before it changed (KeyPressQueue).
  const queue = useMemo(() => new KeyPressQueue(dispatcher, commits), [dispatcher, commits]);
  const lastKeyAtRef = useRef(Number.NEGATIVE_INFINITY);
  const typing = useCallback(() => performance.now() - lastKeyAtRef.current < TYPING_PAUSE_MS, []);
  const pasteRef = useRef(new BracketedPaste());
  const enqueue = (presses: readonly KeyPress[]) => queue.push(presses);

  useInput((input, key) => {
    lastKeyAtRef.current = performance.now();
    if (key.ctrl && input === 'c') {
      quit();
      return;
    }
    // Too small to see anything: only quitting makes sense; the hidden pages take no keys.
    if (!fits) {
      if (input === 'q') quit();
      return;
    }
    const pasted = pasteRef.current.feed(input, key);
    if (pasted.kind === 'reading') return;
    if (pasted.kind === 'refused') return refusePaste(pasted.length);
    enqueue(pasted.kind === 'pasted' ? [{ name: 'paste', text: pasted.text }] : keyPressesOf(input, key));
  });

  // Ink 7 reads the bracketed-paste markers itself and hands the text over on its own channel: one
  // press, whatever its size, in order with the keys queued before it.
  usePaste((text) => {
    if (!fits) return;
    if (text.length > PASTE_LIMIT_CHARS) return refusePaste(text.length);
    enqueue([{ name: 'paste', text }]);
  });

  return typing;
}
