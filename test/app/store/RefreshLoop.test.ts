import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RefreshLoop } from '../../../source/app/store/RefreshLoop.js';

describe('RefreshLoop', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function slowRefresh(durationMs: number) {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const refresh = async () => {
      running++;
      runs++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, durationMs));
      running--;
    };
    return { refresh, stats: () => ({ runs, maxRunning }) };
  }

  it('never overlaps: a refresh slower than the interval delays the next one', async () => {
    const { refresh, stats } = slowRefresh(3000);
    const loop = new RefreshLoop({ intervalMs: 1000, refresh, isPaused: () => false });
    loop.start();
    await vi.advanceTimersByTimeAsync(10_000);
    loop.stop();
    expect(stats().maxRunning).toBe(1);
    // Each turn is 3 s of work plus 1 s of waiting.
    expect(stats().runs).toBe(3);
  });

  it('skips its turns while paused and resumes after', async () => {
    const { refresh, stats } = slowRefresh(0);
    let paused = false;
    const loop = new RefreshLoop({ intervalMs: 1000, refresh, isPaused: () => paused });
    loop.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(stats().runs).toBe(1);
    paused = true;
    await vi.advanceTimersByTimeAsync(5000);
    expect(stats().runs).toBe(1);
    paused = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(stats().runs).toBe(2);
    loop.stop();
  });

  it('runs a refresh asked for during one right after it, once', async () => {
    const { refresh, stats } = slowRefresh(500);
    const loop = new RefreshLoop({ intervalMs: 60_000, refresh, isPaused: () => false });
    loop.start();
    loop.requestNow();
    loop.requestNow();
    await vi.advanceTimersByTimeAsync(1200);
    expect(stats()).toEqual({ runs: 2, maxRunning: 1 });
    loop.stop();
  });

  it('does nothing once stopped', async () => {
    const { refresh, stats } = slowRefresh(0);
    const loop = new RefreshLoop({ intervalMs: 100, refresh, isPaused: () => false });
    loop.start();
    await vi.advanceTimersByTimeAsync(10);
    loop.stop();
    loop.requestNow();
    await vi.advanceTimersByTimeAsync(1000);
    expect(stats().runs).toBe(1);
  });

  it('waits for a pause in the typing before a turn, but never more than one more interval', async () => {
    const { refresh, stats } = slowRefresh(0);
    let typing = true;
    const loop = new RefreshLoop({ intervalMs: 1000, refresh, isPaused: () => false, isBusy: () => typing });
    loop.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(stats().runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1500);
    expect(stats().runs).toBe(1);
    typing = false;
    await vi.advanceTimersByTimeAsync(100);
    expect(stats().runs).toBe(2);
    typing = true;
    // Typing without a pause: the turn due 1 s after the last one still runs about 2 s after it.
    await vi.advanceTimersByTimeAsync(1900);
    expect(stats().runs).toBe(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(stats().runs).toBe(3);
    loop.stop();
  });
});
