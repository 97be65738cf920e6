import { useEffect, useRef, useState } from 'react';
import type { Action } from '../app/keys/Action.js';
import { editText, type TextFieldState } from './editText.js';

const REDRAW_MS = 16;

export interface TextInput {
  state: TextFieldState;
  /** The text now, even before the next frame (Enter read right after a paste). */
  current(): string;
  /** Gives a key to the field; returns whether it took it. */
  onText(text: string, keyName: string): boolean;
  /** Alt-B, Alt-F and Alt-Backspace, which must be claimed as actions (else they read as Esc, key). */
  actions: Action[];
  set(text: string): void;
}

/**
 * A one-line text field's state with the usual editing keys. `accept` vets an edit as it is typed
 * (a name refuses `:`); a refused edit leaves the text as it was and returns why.
 */
export function useTextInput(
  initial = '',
  accept?: (next: string) => string | undefined,
  onRefuse?: (problem: string) => void,
): TextInput {
  const [state, setState] = useState<TextFieldState>({ text: initial, cursor: Array.from(initial).length });
  const ref = useRef(state);
  // A paste without bracketed paste comes one key at a time: the field is redrawn once per frame.
  const redrawRef = useRef<NodeJS.Timeout | undefined>(undefined);
  useEffect(() => () => clearTimeout(redrawRef.current), []);
  const apply = (next: TextFieldState) => {
    ref.current = next;
    redrawRef.current ??= setTimeout(() => {
      redrawRef.current = undefined;
      setState(ref.current);
    }, REDRAW_MS);
  };
  const onText = (text: string, keyName: string): boolean => {
    const next = editText(ref.current, keyName, text);
    if (!next) return false;
    const problem = next.text === ref.current.text ? undefined : accept?.(next.text);
    if (problem) onRefuse?.(problem);
    else apply(next);
    return true;
  };
  const wordKey = (key: string, label: string): Action => ({
    key,
    label,
    footer: false,
    run: () => onText('', key),
  });
  return {
    state,
    current: () => ref.current.text,
    onText,
    actions: [
      wordKey('alt+b', 'word left'),
      wordKey('alt+f', 'word right'),
      wordKey('alt+backspace', 'delete word'),
    ],
    set: (text) => apply({ text, cursor: Array.from(text).length }),
  };
}
