/**
 * Lets the key queue, which lives outside React, wait for the frame a key press changed: it asks the
 * probe (`RenderCommitProbe`) for a render, which React batches with whatever the key's action just
 * changed, and hears back once that render is committed.
 */
/** Longer than any frame takes to commit on a loaded machine; short enough not to be felt. */
const COMMIT_WAIT_LIMIT_MS = 250;

export class RenderCommitSignal {
  private requestRender: (() => void) | undefined;
  private waiting: Array<() => void> = [];

  /** The probe's way to ask React for a render; returns the detach for its unmount. */
  attach(requestRender: () => void): () => void {
    this.requestRender = requestRender;
    return () => {
      if (this.requestRender === requestRender) this.requestRender = undefined;
    };
  }

  /** Runs `then` once the render that includes the caller's latest state changes is committed. */
  afterNextCommit(then: () => void): void {
    this.waiting.push(then);
    if (this.waiting.length > 1) return;
    const waiting = this.waiting;
    if (this.requestRender) this.requestRender();
    // No probe mounted (a view without one): a macrotask, after which React has usually rendered.
    else setTimeout(() => this.committed(), 0);
    // A render React dropped (a probe unmounted mid-request) must not hold the keys behind it for
    // ever: after a frame's worth of waiting, they go on as if it had committed.
    setTimeout(() => {
      if (this.waiting === waiting) this.committed();
    }, COMMIT_WAIT_LIMIT_MS).unref?.();
  }

  /** Called by the probe in its layout effect, mid-commit: the waiters run once the commit is done. */
  committed(): void {
    if (this.waiting.length === 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    // Other components' layout effects (which swap key bindings) may still be running: after them.
    queueMicrotask(() => {
      for (const then of waiting) then();
    });
  }
}
