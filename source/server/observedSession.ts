import type { Session } from '../app/session/Session.js';
import { workstationJson } from '../commands/listCommand.js';
import type { LaunchProgress } from '../core/launch/LaunchProgress.js';
import type { Workstation } from '../core/workstations/Workstation.js';
import type { EventHub } from './EventHub.js';

type Lifecycle = 'startWorkstation' | 'stopWorkstation' | 'terminateWorkstation';
const ACTIONS: Record<Lifecycle, string> = {
  startWorkstation: 'start',
  stopWorkstation: 'stop',
  terminateWorkstation: 'terminate',
};

/**
 * The server's session with its launches' progress and its lifecycle actions also published as
 * events: the commands run unchanged, and `GET /v1/events` shows what the TUI's progress shows.
 */
export function observedSession(session: Session, events: EventHub): Session {
  const progress = (name: string, template: string) => (step: LaunchProgress) =>
    events.publish('launch-progress', { name, template, progress: step });
  return new Proxy(session, {
    get(target, property) {
      if (property === 'launch' || property === 'launchService') {
        const launch = target[property].bind(target) as Session['launch'];
        return async (
          request: Parameters<Session['launch']>[0],
          onProgress?: (step: LaunchProgress) => void,
        ) => {
          const publish = progress(request.name, request.template);
          const result = await launch(request, (step) => {
            publish(step);
            onProgress?.(step);
          });
          events.publish('launched', {
            name: request.name,
            workstation: workstationJson(result.workstation),
          });
          return result;
        };
      }
      if (
        property === 'startWorkstation' ||
        property === 'stopWorkstation' ||
        property === 'terminateWorkstation'
      ) {
        const act = target[property].bind(target) as (
          w: Workstation,
          o: { hibernate: boolean },
        ) => Promise<void>;
        return async (workstation: Workstation, options: { hibernate: boolean }) => {
          await act(workstation, options);
          const action = options?.hibernate ? 'hibernate' : ACTIONS[property];
          events.publish('action', { action, name: workstation.name, id: workstation.id });
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
