import type { ReactNode } from 'react';
import type { Action } from '../../app/keys/Action.js';

/** One tab of the profile switcher: its keys, its table, and the line under it. */
export interface ProfilesTab {
  actions: Action[];
  body: ReactNode;
  footer: { text: string; tone: 'muted' | 'danger' };
}
