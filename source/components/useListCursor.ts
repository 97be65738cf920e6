import { useRef, useState } from 'react';
import type { Action } from '../app/keys/Action.js';

export interface ListCursor {
  /** -1 when the list is empty. */
  index: number;
  selectedKey: string | undefined;
  actions: Action[];
  /** Puts the cursor on a row (what was chosen, when the list comes back unfiltered). */
  select(key: string): void;
}

/**
 * The selection of a list, kept by row key so a refresh or a re-sort leaves it on the same row;
 * if that row disappears the cursor stays at the same position. Gives j/k, arrows, g/G, PgUp/PgDn.
 */
export function useListCursor(keys: readonly string[], pageSize: number): ListCursor {
  const [selectedKey, setSelectedKey] = useState<string | undefined>(undefined);
  const keysRef = useRef(keys);
  keysRef.current = keys;
  const lastIndexRef = useRef(0);
  const found = selectedKey === undefined ? -1 : keys.indexOf(selectedKey);
  const index =
    keys.length === 0 ? -1 : found === -1 ? Math.min(lastIndexRef.current, keys.length - 1) : found;
  lastIndexRef.current = Math.max(0, index);

  // Updaters read the latest keys so that presses arriving faster than frames all count.
  const moveBy = (delta: number) =>
    setSelectedKey((previous) => {
      const current = keysRef.current;
      if (current.length === 0) return previous;
      const at = previous === undefined ? -1 : current.indexOf(previous);
      const from = at === -1 ? Math.min(lastIndexRef.current, current.length - 1) : at;
      const next = Math.max(0, Math.min(current.length - 1, from + delta));
      lastIndexRef.current = next;
      return current[next];
    });
  const moveTo = (position: 'first' | 'last') =>
    setSelectedKey(() => {
      const current = keysRef.current;
      const next = position === 'first' ? 0 : current.length - 1;
      lastIndexRef.current = Math.max(0, next);
      return current[next];
    });
  const page = Math.max(1, pageSize);
  const actions: Action[] = [
    { key: ['j', 'down'], label: 'down', footer: false, run: () => moveBy(1) },
    { key: ['k', 'up'], label: 'up', footer: false, run: () => moveBy(-1) },
    { key: ['pgdn', 'ctrl+f'], label: 'page down', footer: false, run: () => moveBy(page) },
    { key: ['pgup', 'ctrl+b'], label: 'page up', footer: false, run: () => moveBy(-page) },
    { key: ['g', 'home'], label: 'first', footer: false, run: () => moveTo('first') },
    { key: ['G', 'end'], label: 'last', footer: false, run: () => moveTo('last') },
  ];
  return { index, selectedKey: index === -1 ? undefined : keys[index], actions, select: setSelectedKey };
}
