import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long a slice of background work may hold the event loop: well under a 16 ms frame. */
export const DEFAULT_SLICE_MS = 4;

/**
 * Work too big for one turn of the event loop (the cost report of 10,000 workstations) hands the
 * loop a turn every `budgetMs`, so a keypress that arrives meanwhile is read and drawn before it
 * goes on: `if (slicer.due()) await slicer.nextTurn()` inside the loop. A turn (setImmediate) comes
 * after the poll phase, where the terminal's input is read.
 */
export class TimeSlicer {
  private sliceStartedAt: number;

  constructor(
    private readonly budgetMs = DEFAULT_SLICE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.sliceStartedAt = now();
  }

  /** Whether this slice has used its time. */
  due(): boolean {
    return this.now() - this.sliceStartedAt >= this.budgetMs;
  }

  /** Lets the event loop run, then starts a new slice. */
  async nextTurn(): Promise<void> {
    await nextTurn();
    this.sliceStartedAt = this.now();
  }

  /** `step` for each item, in slices. */
  async forEach<T>(items: Iterable<T>, step: (item: T) => void): Promise<void> {
    for (const item of items) {
      if (this.due()) await this.nextTurn();
      step(item);
    }
  }
}
