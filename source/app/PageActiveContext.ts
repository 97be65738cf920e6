import { createContext, useContext } from 'react';

/**
 * Whether the page around a component is the one on top of the stack. Pages under it stay mounted
 * (they keep their selection and marks) but must not take keys.
 */
export const PageActiveContext = createContext(true);

export function usePageActive(): boolean {
  return useContext(PageActiveContext);
}
