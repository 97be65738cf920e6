import { type Action, keysOf } from '../app/keys/Action.js';
import { formatKey } from '../app/keys/formatKey.js';

/** `j/Down down` */
export function keyHintText(action: Action): string {
  return `${keysOf(action).map(formatKey).join('/')} ${action.label}`;
}

const GAP = 2;
const MORE = '? more';

/**
 * The footer's hints that fit in `width`, in the order given (the most important first). When some
 * do not fit, `? more` ends the line: the help page lists every key. `?` itself is dropped from the
 * list then, since `? more` says it.
 */
export function fitKeyHints(actions: readonly Action[], width: number): { shown: Action[]; more: boolean } {
  const total = actions.reduce(
    (sum, action, index) => sum + (index ? GAP : 0) + keyHintText(action).length,
    0,
  );
  if (total <= width) return { shown: [...actions], more: false };
  const room = width - GAP - MORE.length;
  const shown: Action[] = [];
  let used = 0;
  for (const action of actions) {
    if (keysOf(action).includes('?')) continue;
    const cost = (shown.length ? GAP : 0) + keyHintText(action).length;
    if (used + cost > room) continue;
    shown.push(action);
    used += cost;
  }
  return { shown, more: true };
}
