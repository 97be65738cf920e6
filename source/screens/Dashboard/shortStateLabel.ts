import type { Workstation } from '../../core/workstations/Workstation.js';
import { stateLabel } from './workstationFigures.js';

/** Short names for a narrow STATE column; the status line's legend spells out those on screen. */
const SHORT: Readonly<Record<string, string>> = {
  pending: 'pend',
  running: 'run',
  stopping: 'stopg',
  stopped: 'stop',
  hibernated: 'hib',
  'shutting-down': 'shutg',
  terminated: 'term',
  setup: 'setup',
};

const MEANING: Readonly<Record<string, string>> = {
  pend: 'pending',
  run: 'running',
  stopg: 'stopping',
  stop: 'stopped',
  hib: 'hibernated',
  shutg: 'shutting down',
  term: 'terminated',
  setup: 'setting up',
  failed: 'setup failed',
};

/** The state in at most 6 cells: never cut, explained by `stateLegend`. */
export function shortStateLabel(workstation: Workstation): string {
  const { progress } = workstation;
  if (workstation.state === 'running' && progress && progress !== 'ready') {
    return /fail/i.test(progress) ? 'failed' : 'setup';
  }
  const label = stateLabel(workstation);
  return SHORT[label] ?? label.slice(0, 6);
}

/** `run running · hib hibernated`: the short names the rows use, each once, in a stable order. */
export function stateLegend(rows: readonly Workstation[]): string {
  const used = new Set(rows.map(shortStateLabel));
  return Object.keys(MEANING)
    .filter((short) => used.has(short))
    .map((short) => `${short} ${MEANING[short]}`)
    .join(' · ');
}
