import type { Session } from '../app/session/Session.js';
import { workstationJson } from '../commands/listCommand.js';
import type { EventHub } from './EventHub.js';

/**
 * The server's one refresh loop: while anyone listens to the events, lists the workstations every
 * interval (one set of AWS calls for every client) and publishes each change of state.
 */
export function watchStateChanges(options: {
  session: () => Session;
  events: EventHub;
  intervalMs: number;
}): { stop(): Promise<void> } {
  const known = new Map<string, string>();
  let seeded = false;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    if (options.events.listeners === 0) {
      seeded = false;
      return;
    }
    const rows = await options.session().listWorkstations();
    for (const row of rows) {
      const state = row.hibernated && row.state === 'stopped' ? 'hibernated' : row.state;
      const before = known.get(row.id);
      known.set(row.id, state);
      if (seeded && before !== state) {
        options.events.publish('state-change', {
          name: row.name,
          id: row.id,
          from: before ?? null,
          to: state,
          workstation: workstationJson(row),
        });
      }
    }
    seeded = true;
  };
  const timer = setInterval(() => {
    if (stopped) return;
    // One listing at a time: a slow refresh is skipped over, never stacked.
    running = running.then(tick).catch((error: unknown) => {
      options.events.publish('refresh-failed', {
        message: error instanceof Error ? error.message : String(error),
      });
    });
  }, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
