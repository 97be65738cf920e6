import type { Dispatch, ReactNode } from 'react';
import type { Action } from '../../app/keys/Action.js';
import type { ThemeColor } from '../../app/theme.js';
import type { LaunchWizardState } from './LaunchWizardState.js';
import type { LaunchWizardEvent } from './launchWizardReducer.js';

/** The line under the wizard's page: a problem, or what Enter does here. */
export interface WizardFooterLine {
  text: string;
  color: ThemeColor;
}

/**
 * What one step of the wizard gives the step controller: its keys, its page, and the line under it.
 * Each step is a hook in its own file; the controller calls every step's hook on every render (so
 * a step keeps its cursor while another is shown) and shows the current one.
 */
export interface WizardStepView {
  actions: Action[];
  body: ReactNode;
  /** Said under the page when nothing more urgent (a problem, a load error) is. */
  footer?: WizardFooterLine;
  /** A field has focus: global keys are off and printable keys go to onText. */
  typing?: boolean;
  onText?: (text: string, keyName: string) => boolean;
}

/** What every step's hook is given. */
export interface WizardStepContext {
  state: LaunchWizardState;
  dispatch: Dispatch<LaunchWizardEvent>;
  width: number;
  /** Rows for the step's page, between the title and the footer line. */
  bodyHeight: number;
  /** Esc: the previous step, keeping every value. */
  back: Action;
}
