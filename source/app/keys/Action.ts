/**
 * One thing a key does on a screen, in a dialog, or everywhere. The footer hints and the `?` page are
 * generated from these, so a key is defined once.
 */
export interface Action {
  /** Key names as `keyNameOf` produces them: `j`, `S`, `ctrl+d`, `up`, `pgdn`, `enter`, `esc`, `space`. */
  key: string | readonly string[];
  label: string;
  run: () => void;
  /** The action is offered (footer, help) and runs only while this holds. */
  when?: () => boolean;
  /** Changes or destroys something: shown in the danger colour. */
  dangerous?: boolean;
  /** Changes something in the account (start, stop, launch): off in a read-only session. */
  mutates?: boolean;
  /** `false` keeps it out of the footer (cursor keys): the help page still lists it. */
  footer?: boolean;
}

export function keysOf(action: Action): readonly string[] {
  return typeof action.key === 'string' ? [action.key] : action.key;
}

export function isAvailable(action: Action): boolean {
  return action.when ? action.when() : true;
}

/** Whether a read-only session must refuse it: it changes something, or destroys something. */
export function isMutating(action: Action): boolean {
  return action.mutates === true || action.dangerous === true;
}
