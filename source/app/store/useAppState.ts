import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AppState } from './AppState.js';
import { AppStore } from './AppStore.js';

export const AppStoreContext = createContext<AppStore>(new AppStore());

export function useAppStore(): AppStore {
  return useContext(AppStoreContext);
}

/** A slice of the store; the component re-renders only when the selected value changes. */
export function useAppState<T>(select: (state: AppState) => T): T {
  const store = useAppStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
