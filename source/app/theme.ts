import type { InstanceState } from '../core/ports.js';

/** Ink colour names the app uses; `undefined` draws in the terminal's default colour. */
export type ThemeColor = 'green' | 'yellow' | 'red' | 'gray' | 'cyan' | 'magenta' | undefined;

/** How things are coloured: every colour is off for NO_COLOR, --no-color and TERM=dumb. */
export interface Theme {
  readonly color: boolean;
  state(state: InstanceState, hibernated: boolean): ThemeColor;
  readonly accent: ThemeColor;
  readonly danger: ThemeColor;
  readonly success: ThemeColor;
  readonly warning: ThemeColor;
  readonly muted: ThemeColor;
}

const STATE_COLORS: Record<InstanceState, ThemeColor> = {
  pending: 'yellow',
  running: 'green',
  stopping: 'yellow',
  stopped: 'gray',
  'shutting-down': 'red',
  terminated: 'gray',
};

/** Whether colour is wanted: https://no-color.org (set and not empty), a dumb terminal, or --no-color. */
export function colorWanted(env: NodeJS.ProcessEnv, colorFlag: boolean): boolean {
  if (!colorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return env.TERM !== 'dumb';
}

export function createTheme(color: boolean): Theme {
  const pick = (name: ThemeColor): ThemeColor => (color ? name : undefined);
  return {
    color,
    state: (state, hibernated) => pick(hibernated && state === 'stopped' ? 'cyan' : STATE_COLORS[state]),
    accent: pick('cyan'),
    danger: pick('red'),
    success: pick('green'),
    warning: pick('yellow'),
    muted: pick('gray'),
  };
}
