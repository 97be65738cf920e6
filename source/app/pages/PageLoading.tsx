import { Text } from 'ink';
import { useLayoutEffect } from 'react';
import { useKeyDispatcher } from '../keys/KeyDispatcherContext.js';

/**
 * What a page shows while its code loads (its first opening). It tells the key dispatcher, so keys
 * typed meanwhile wait for the page's own keys instead of going to the global ones.
 */
export function PageLoading({ page }: { page: number }) {
  const dispatcher = useKeyDispatcher();
  useLayoutEffect(() => dispatcher.pageLoading(page), [dispatcher, page]);
  return <Text>Loading…</Text>;
}
