import { useMemo, useState } from 'react';
import type { Action } from '../app/keys/Action.js';
import { type DetailsSection, detailsLineCount, detailsVisibleLines } from './DetailsPanel.js';

/**
 * What a details page shares: the `/` filter applied to its rows, and scrolling with the list keys.
 * The screen adds its own actions to the returned ones and draws a DetailsPanel at `offset`.
 */
export function useDetailsScroll(
  all: readonly DetailsSection[],
  filter: string,
  height: number,
  /** The panel's width, when its values wrap (see DetailsPanel). */
  width?: number,
): { sections: DetailsSection[]; offset: number; actions: Action[] } {
  const [offset, setOffset] = useState(0);
  const sections = useMemo(() => {
    const needle = filter.toLowerCase();
    if (!needle) return [...all];
    return all.map((section) => ({
      ...section,
      rows: section.rows.filter(([label, value]) => `${label} ${value}`.toLowerCase().includes(needle)),
    }));
  }, [all, filter]);
  const total = detailsLineCount(sections, width);
  const maxOffset = Math.max(0, total - detailsVisibleLines(total, height, width));
  const scroll = (delta: number) => setOffset((current) => Math.max(0, Math.min(maxOffset, current + delta)));
  return {
    sections,
    offset: Math.min(offset, maxOffset),
    actions: [
      { key: ['j', 'down'], label: 'scroll down', footer: false, run: () => scroll(1) },
      { key: ['k', 'up'], label: 'scroll up', footer: false, run: () => scroll(-1) },
      { key: ['pgdn', 'ctrl+f'], label: 'page down', footer: false, run: () => scroll(height) },
      { key: ['pgup', 'ctrl+b'], label: 'page up', footer: false, run: () => scroll(-height) },
      { key: ['g', 'home'], label: 'top', footer: false, run: () => setOffset(0) },
      { key: ['G', 'end'], label: 'bottom', footer: false, run: () => setOffset(maxOffset) },
    ],
  };
}
