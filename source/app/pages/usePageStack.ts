import { useCallback, useRef, useState } from 'react';
import type { KeyDispatcher } from '../keys/KeyDispatcher.js';
import type { PageEntry } from './PageDefinition.js';
import { DASHBOARD_PAGE } from './pageIds.js';
import { findPage } from './pageRegistry.js';

export interface PageStack {
  stack: readonly PageEntry[];
  top: PageEntry;
  titleOf(entry: PageEntry): string;
  open(pageId: string, params?: Readonly<Record<string, string>>): void;
  back(): void;
  /** Every page mounts again (a profile switch: nothing of the old account may stay). */
  remountAll(): void;
  /** The `/` filter of each page, by its key. */
  filterOf(entry: PageEntry): string;
  editFilter(edit: (text: string) => string): void;
  filterEditing: boolean;
  setFilterEditing(editing: boolean): void;
  /** Empties the top page's filter and stops editing it. */
  clearFilter(): void;
}

/** The pages open, oldest first, and the `/` filter of each. */
export function usePageStack(dispatcher: KeyDispatcher): PageStack {
  const [stack, setStack] = useState<PageEntry[]>([{ key: 0, id: DASHBOARD_PAGE, params: {} }]);
  const [filters, setFilters] = useState<Readonly<Record<number, string>>>({});
  const [filterEditing, setFilterEditing] = useState(false);
  const nextKeyRef = useRef(1);
  const top = stack[stack.length - 1] ?? { key: 0, id: DASHBOARD_PAGE, params: {} };
  const topKeyRef = useRef(top.key);
  topKeyRef.current = top.key;
  const titleOf = useCallback((entry: PageEntry) => findPage(entry.id)?.title(entry.params) ?? entry.id, []);

  const open = useCallback(
    (pageId: string, params: Readonly<Record<string, string>> = {}) => {
      setFilterEditing(false);
      setStack((current) => {
        // Opening a page already in the stack goes back to it rather than stacking a copy.
        const existing = current.findIndex(
          (entry) => entry.id === pageId && JSON.stringify(entry.params) === JSON.stringify(params),
        );
        if (existing !== -1) return current.slice(0, existing + 1);
        const from = current[current.length - 1];
        const entry: PageEntry = { key: nextKeyRef.current++, id: pageId, params };
        if (from) entry.openedFrom = { title: titleOf(from), actions: dispatcher.screenActions() };
        return [...current, entry];
      });
    },
    [dispatcher, titleOf],
  );
  const back = useCallback(() => {
    setFilterEditing(false);
    setStack((current) => (current.length > 1 ? current.slice(0, -1) : current));
  }, []);
  const remountAll = useCallback(
    () => setStack((current) => current.map((entry) => ({ ...entry, key: nextKeyRef.current++ }))),
    [],
  );
  const editFilter = useCallback(
    (edit: (text: string) => string) =>
      setFilters((current) => ({ ...current, [topKeyRef.current]: edit(current[topKeyRef.current] ?? '') })),
    [],
  );
  const clearFilter = useCallback(() => {
    setFilterEditing(false);
    setFilters((current) => ({ ...current, [topKeyRef.current]: '' }));
  }, []);
  return {
    stack,
    top,
    titleOf,
    open,
    back,
    remountAll,
    filterOf: (entry) => filters[entry.key] ?? '',
    editFilter,
    filterEditing,
    setFilterEditing,
    clearFilter,
  };
}
