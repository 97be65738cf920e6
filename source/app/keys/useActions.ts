import { useLayoutEffect, useRef } from 'react';
import { usePageActive } from '../PageActiveContext.js';
import { usePageKey } from '../PageKeyContext.js';
import { type Action, isAvailable, keysOf } from './Action.js';
import type { KeyBinding, KeyLayer } from './KeyDispatcher.js';
import { useKeyDispatcher } from './KeyDispatcherContext.js';

export interface UseActionsOptions {
  layer?: KeyLayer;
  onText?: KeyBinding['onText'];
  typing?: boolean;
  /** `onText` keeps its text outside React state (useTextInput): see KeyBinding. */
  bufferedText?: boolean;
}

/** What the footer shows of a map: a change here re-renders the footer, a new closure does not. */
function offeredSignature(actions: readonly Action[], typing: boolean): string {
  const offered = actions
    .filter(isAvailable)
    .map((action) => `${keysOf(action).join('/')}:${action.label}`)
    .join('|');
  return typing ? `typing|${offered}` : offered;
}

/**
 * Registers a screen's (or a dialog's) action map with the key dispatcher while the component is
 * mounted. The latest closures are always the ones that run.
 */
export function useActions(actions: readonly Action[], options: UseActionsOptions = {}): void {
  const dispatcher = useKeyDispatcher();
  const layer = options.layer ?? 'screen';
  // A page under the top of the stack keeps its state but not its keys.
  const enabled = usePageActive() || layer !== 'screen';
  const page = usePageKey();
  const binding: KeyBinding = {
    actions,
    ...(options.onText ? { onText: options.onText } : {}),
    ...(options.typing ? { typing: true } : {}),
    ...(options.bufferedText ? { bufferedText: true } : {}),
  };
  const bindingRef = useRef(binding);
  bindingRef.current = binding;
  const registrationRef = useRef<ReturnType<typeof dispatcher.register> | undefined>(undefined);
  const signatureRef = useRef('');

  useLayoutEffect(() => {
    if (!enabled) return;
    const registration = dispatcher.register(layer, bindingRef.current, page);
    registrationRef.current = registration;
    return () => {
      registration.remove();
      registrationRef.current = undefined;
    };
  }, [dispatcher, layer, enabled, page]);

  // A layout effect: the closures are swapped before any key can reach the new frame.
  useLayoutEffect(() => {
    registrationRef.current?.update(binding);
    const signature = offeredSignature(actions, options.typing === true);
    if (signature !== signatureRef.current) {
      signatureRef.current = signature;
      dispatcher.changed();
    }
  });
}
