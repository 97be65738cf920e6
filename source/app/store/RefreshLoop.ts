export interface RefreshLoopOptions {
  intervalMs: number;
  refresh: () => Promise<void>;
  /** While this holds (a dialog is open) the loop skips its turn. */
  isPaused: () => boolean;
  /**
   * While this holds (keys are arriving) a turn waits for a pause in the typing, at most one more
   * interval, so a refresh's work does not land between a keypress and its frame.
   */
  isBusy?: () => boolean;
}

/** How often a turn that waits for a pause in the typing looks again. */
const BUSY_RECHECK_MS = 100;

/**
 * Refreshes on an interval without ever overlapping: the next turn is scheduled only when the
 * current one has finished, and a refresh asked for during one runs right after it.
 */
export class RefreshLoop {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private again = false;
  private stopped = true;

  constructor(private readonly options: RefreshLoopOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.runNow();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Refreshes as soon as possible (after an action), even while paused. */
  requestNow(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.runNow();
  }

  isRunning(): boolean {
    return this.running;
  }

  private async runNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.running = true;
    try {
      await this.options.refresh();
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        void this.runNow();
      } else {
        this.schedule();
      }
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.options.isPaused()) this.schedule();
      else this.runWhenIdle(Date.now() + this.options.intervalMs);
    }, this.options.intervalMs);
  }

  private runWhenIdle(latest: number): void {
    if (this.stopped) return;
    if (this.options.isBusy?.() && Date.now() < latest) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.runWhenIdle(latest);
      }, BUSY_RECHECK_MS);
      return;
    }
    void this.runNow();
  }
}
