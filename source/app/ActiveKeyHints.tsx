import { useSyncExternalStore } from 'react';
import { KeyHints } from '../components/KeyHints.js';
import { useKeyDispatcher } from './keys/KeyDispatcherContext.js';

/** The footer: whatever the dispatcher would route right now, re-rendered when that changes. */
export function ActiveKeyHints({ width }: { width: number }) {
  const dispatcher = useKeyDispatcher();
  useSyncExternalStore(dispatcher.subscribe, dispatcher.getVersion);
  return (
    <KeyHints
      actions={dispatcher.activeActions().filter((action) => action.footer !== false)}
      width={width}
      typing={dispatcher.isTyping()}
    />
  );
}
