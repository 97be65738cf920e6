import { shareEqualStrings } from '../../core/text/shareEqualStrings.js';
import type { DemoInstance } from './demoState.js';

type DemoTransition = DemoInstance['transitions'][number];

/**
 * Makes equal parts of the demo instances read from one state file one object: 10,000 workstations
 * seeded together have the same two transitions and the same boot stages, which parsed records
 * would hold 10,000 times each (about 2 MB that the heap then grows by half again). Shared parts are
 * frozen, so that a change made to one instance's history in place fails loudly instead of changing
 * them all: the demo adapters replace a history (`transitions = [...]`), never edit it.
 */
export class DemoInstanceSharing {
  private readonly strings = new Map<string, string>();
  private readonly transitions = new Map<string, DemoTransition>();
  private readonly histories = new Map<string, DemoInstance['transitions']>();
  private readonly stageLists = new Map<string, string[]>();

  /** Shares `instance`'s parts with those of the instances shared before it; changes it in place. */
  share(instance: DemoInstance): DemoInstance {
    shareEqualStrings(instance, this.strings);
    const history = instance.transitions.map((transition) => this.transition(transition));
    instance.transitions = kept(this.histories, history.map(transitionKey).join('\u0001'), history);
    instance.progress_stages = kept(
      this.stageLists,
      instance.progress_stages.join('\u0001'),
      instance.progress_stages,
    );
    return instance;
  }

  private transition(transition: DemoTransition): DemoTransition {
    return kept(this.transitions, transitionKey(transition), transition);
  }
}

function transitionKey(transition: DemoTransition): string {
  return `${transition.at}\u0000${transition.state}`;
}

/** The value kept under `key`, or `fresh` (freshly parsed, so freezing it is safe) frozen and kept there. */
function kept<T extends object>(map: Map<string, T>, key: string, fresh: T): T {
  const known = map.get(key);
  if (known !== undefined) return known;
  map.set(key, Object.freeze(fresh));
  return fresh;
}
