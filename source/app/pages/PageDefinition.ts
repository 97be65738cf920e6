import type { ComponentType } from 'react';
import type { Action } from '../keys/Action.js';

/** One entry of the page stack. */
export interface PageEntry {
  /** Unique in the stack's lifetime, so React keeps each page's state apart. */
  key: number;
  id: string;
  params: Readonly<Record<string, string>>;
  /** The page it was opened from and its keys (the help page lists them). */
  openedFrom?: { title: string; actions: readonly Action[] };
}

/** What the shell gives a screen: the space it may draw in and the active filter. */
export interface ScreenProps {
  page: PageEntry;
  width: number;
  /** Rows the screen may use; drawing more would scroll the terminal. */
  height: number;
  /** The `/` filter of this page ('' when none). */
  filter: string;
}

/** A screen the shell can show: a component plus how the palette and breadcrumbs name it. */
export interface PageDefinition {
  id: string;
  title: (params: Readonly<Record<string, string>>) => string;
  component: ComponentType<ScreenProps>;
  /** The `:command` that opens it from the palette; a page without one is reached from other pages. */
  command?: string;
  /** One line for the palette's list. */
  summary?: string;
  /** Only changes things (the launch wizard): not offered in a read-only session. */
  mutating?: boolean;
}
