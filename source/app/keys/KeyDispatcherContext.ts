import { createContext, useContext } from 'react';
import { KeyDispatcher } from './KeyDispatcher.js';

export const KeyDispatcherContext = createContext<KeyDispatcher>(new KeyDispatcher());

export function useKeyDispatcher(): KeyDispatcher {
  return useContext(KeyDispatcherContext);
}
