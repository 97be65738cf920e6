import type { KeyDispatcher } from './KeyDispatcher.js';
import type { KeyPress } from './keyPressesOf.js';
import type { RenderCommitSignal } from './RenderCommitSignal.js';

/** Presses routed in one go before a burst yields to the event loop. */
const BURST_PRESSES = 256;

/**
 * The key presses read from the terminal, routed to the dispatcher one at a time, in order.
 *
 * After a press that changed something (an action that may open or close a field, a dialog or a
 * page; a key typed into React state) the rest wait until the frame it changed is committed: `/gpu`
 * in one read opens the filter, then types into it, and an Esc and a `q` in one read close the
 * field, then quit. (A timer instead of the commit lost that race under load.) A committed frame
 * is not always enough: a page opened for the first time loads its screen lazily and registers its
 * keys a render or more later, so the presses also wait until the dispatcher has the keys of the
 * page on top (bounded: see KeyDispatcher.whenReady). A field that buffers its text needs no frame
 * between keys: a 2 KB token pasted key by key goes straight in. Presses that change nothing wait
 * for nothing.
 */
export class KeyPressQueue {
  private readonly queued: KeyPress[] = [];
  /** A press changed something and the frame or keys it needs are not in place, or a burst is yielding. */
  private holding = false;

  constructor(
    private readonly dispatcher: KeyDispatcher,
    private readonly commits: RenderCommitSignal,
  ) {}

  push(presses: readonly KeyPress[]): void {
    // One push per key: a long unbracketed burst must not become one call's arguments.
    for (const press of presses) this.queued.push(press);
    if (!this.holding) this.route();
  }

  private route(): void {
    const wait = this.routeUntilWait();
    if (!wait) return;
    this.holding = true;
    wait(() => {
      this.holding = false;
      this.route();
    });
  }

  /** Routes presses until the queue is empty or one must wait: returns what to wait for. */
  private routeUntilWait(): ((then: () => void) => void) | undefined {
    const { dispatcher } = this;
    for (let routed = 0; ; routed++) {
      // A long unbracketed burst lets frames and timers through now and then.
      if (routed === BURST_PRESSES) return (then) => setImmediate(then);
      if (this.queued.length === 0) return undefined;
      // The page on top has no keys yet (still loading): never give its keys to the page it left.
      if (!dispatcher.isReady()) return (then) => dispatcher.whenReady(then);
      const press = this.queued.shift();
      if (!press) return undefined;
      // ESC and a key in one read: Alt+key where something takes it (a text field's Alt-B), else
      // Esc then the key, each after the render the one before caused.
      const plain = press.name.startsWith('alt+') ? press.name.slice(4) : undefined;
      const split = plain !== undefined && !dispatcher.claims(press.name);
      if (split) this.queued.unshift({ name: plain, text: press.text });
      const outcome = split ? dispatcher.route('esc', '') : dispatcher.route(press.name, press.text);
      if (outcome === 'changed') return (then) => this.commits.afterNextCommit(then);
    }
  }
}
