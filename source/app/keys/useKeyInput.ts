import { useInput, usePaste } from 'ink';
import { useCallback, useRef } from 'react';
import { BracketedPaste, PASTE_LIMIT_CHARS } from './BracketedPaste.js';
import type { KeyDispatcher } from './KeyDispatcher.js';
import { type KeyPress, keyPressesOf } from './keyPressesOf.js';

/** Keys closer together than this are typing: a refresh waits until it pauses. */
const TYPING_PAUSE_MS = 250;

export interface KeyInputOptions {
  dispatcher: KeyDispatcher;
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
export function useKeyInput({ dispatcher, fits, quit, refusePaste }: KeyInputOptions): () => boolean {
  // Presses read together are routed one at a time, each after the render the previous one caused
  // (React schedules it with setImmediate; a timer runs after that): `/gpu` in one read opens the
  // filter, then types into it.
  const queuedPressesRef = useRef<KeyPress[]>([]);
  const lastKeyAtRef = useRef(Number.NEGATIVE_INFINITY);
  const typing = useCallback(() => performance.now() - lastKeyAtRef.current < TYPING_PAUSE_MS, []);
  const pasteRef = useRef(new BracketedPaste());
  const routeQueuedPress = useCallback(() => {
    const press = queuedPressesRef.current.shift();
    if (!press) return;
    // ESC and a key in one read: Alt+key where something takes it (a text field's Alt-B), else
    // Esc then the key, each after the render the one before caused.
    const plain = press.name.startsWith('alt+') ? press.name.slice(4) : undefined;
    if (plain && !dispatcher.claims(press.name)) {
      dispatcher.dispatch('esc', '');
      queuedPressesRef.current.unshift({ name: plain, text: press.text });
      setTimeout(routeQueuedPress, 0);
      return;
    }
    dispatcher.dispatch(press.name, press.text);
    if (queuedPressesRef.current.length > 0) setTimeout(routeQueuedPress, 0);
  }, [dispatcher]);

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
    const idle = queuedPressesRef.current.length === 0;
    if (pasted.kind === 'pasted') queuedPressesRef.current.push({ name: 'paste', text: pasted.text });
    // One push per key: a long unbracketed burst must not become one call's arguments.
    else for (const press of keyPressesOf(input, key)) queuedPressesRef.current.push(press);
    if (idle) routeQueuedPress();
  });

  // Ink 7 reads the bracketed-paste markers itself and hands the text over on its own channel: one
  // press, whatever its size, in order with the keys queued before it.
  usePaste((text) => {
    if (!fits) return;
    if (text.length > PASTE_LIMIT_CHARS) return refusePaste(text.length);
    const idle = queuedPressesRef.current.length === 0;
    queuedPressesRef.current.push({ name: 'paste', text });
    if (idle) routeQueuedPress();
  });

  return typing;
}
