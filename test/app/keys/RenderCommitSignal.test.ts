import { afterEach, describe, expect, it, vi } from 'vitest';
import { RenderCommitSignal } from '../../../source/app/keys/RenderCommitSignal.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('RenderCommitSignal', () => {
  it('runs the waiting key presses once the requested render commits, and only once', async () => {
    vi.useFakeTimers();
    const signal = new RenderCommitSignal();
    let requested = 0;
    signal.attach(() => {
      requested += 1;
    });
    const ran: string[] = [];
    signal.afterNextCommit(() => ran.push('a'));
    signal.afterNextCommit(() => ran.push('b'));
    expect(requested).toBe(1);
    signal.committed();
    await Promise.resolve();
    expect(ran).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ran).toEqual(['a', 'b']);
  });

  it('lets the key presses go on when the requested render never commits', async () => {
    vi.useFakeTimers();
    const signal = new RenderCommitSignal();
    // A probe that was unmounted while asked: its render never comes.
    signal.attach(() => {});
    const ran: string[] = [];
    signal.afterNextCommit(() => ran.push('held'));
    await vi.advanceTimersByTimeAsync(200);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(ran).toEqual(['held']);
  });
});
