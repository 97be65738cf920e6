import { createContext, useContext } from 'react';

/**
 * The stack entry key of the page around a component (undefined outside a page): the key dispatcher
 * tells the page on top's own keys from a stale page's, so keys wait for the new page's.
 */
export const PageKeyContext = createContext<number | undefined>(undefined);

export function usePageKey(): number | undefined {
  return useContext(PageKeyContext);
}
