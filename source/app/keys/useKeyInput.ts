import { useInput, usePaste } from 'ink';
import { useCallback, useRef } from 'react';
import { BracketedPaste, PASTE_LIMIT_CHARS } from './BracketedPaste.js';
import type { KeyDispatcher } from './KeyDispatcher.js';
import { type KeyPress, keyPressesOf } from './keyPressesOf.js';
import type { RenderCommitSignal } from './RenderCommitSignal.js';

/** Keys closer together than this are typing: a refresh waits until it pauses. */
const TYPING_PAUSE_MS = 250;

/** Presses routed in one go before a burst yields to the event loop. */
const BURST_PRESSES = 256;

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
  // Presses read together are routed one at a time. After one that changed something (an action
  // that may open or close a field or dialog, a key typed into React state) the rest wait until the
  // frame it changed is committed: `/gpu` in one read opens the filter, then types into it, and an
  // Esc and a `q` in one read close the field, then quit. (A timer instead of the commit lost that
  // race under load.) A field that buffers its text needs no frame between keys: a 2 KB token
  // pasted key by key goes straight in.
  const queuedPressesRef = useRef<KeyPress[]>([]);
  /** A press changed something and its frame is not committed yet, or a burst is yielding. */
  const holdingRef = useRef(false);
  const lastKeyAtRef = useRef(Number.NEGATIVE_INFINITY);
  const typing = useCallback(() => performance.now() - lastKeyAtRef.current < TYPING_PAUSE_MS, []);
  const pasteRef = useRef(new BracketedPaste());
  const routeQueuedPresses = useCallback(() => {
    const resumeAfter = (wait: (then: () => void) => void) => {
      holdingRef.current = true;
      wait(() => {
        holdingRef.current = false;
        routeQueuedPresses();
      });
    };
    for (let routed = 0; ; routed++) {
      // A long unbracketed burst lets frames and timers through now and then.
      if (routed === BURST_PRESSES) return resumeAfter((then) => setImmediate(then));
      const press = queuedPressesRef.current.shift();
      if (!press) return;
      // ESC and a key in one read: Alt+key where something takes it (a text field's Alt-B), else
      // Esc then the key, each after the render the one before caused.
      const plain = press.name.startsWith('alt+') ? press.name.slice(4) : undefined;
      const split = plain !== undefined && !dispatcher.claims(press.name);
      if (split) queuedPressesRef.current.unshift({ name: plain, text: press.text });
      const outcome = split ? dispatcher.route('esc', '') : dispatcher.route(press.name, press.text);
      if (outcome === 'changed') return resumeAfter((then) => commits.afterNextCommit(then));
    }
  }, [dispatcher, commits]);
  const enqueue = (presses: readonly KeyPress[]) => {
    // One push per key: a long unbracketed burst must not become one call's arguments.
    for (const press of presses) queuedPressesRef.current.push(press);
    if (!holdingRef.current) routeQueuedPresses();
  };

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
