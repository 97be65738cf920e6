import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Action } from '../../../source/app/keys/Action.js';
import {
  KeyDispatcher,
  PAGE_KEYS_WAIT_LIMIT_MS,
  PAGE_LOAD_WAIT_LIMIT_MS,
} from '../../../source/app/keys/KeyDispatcher.js';
import { KeyPressQueue } from '../../../source/app/keys/KeyPressQueue.js';
import type { KeyPress } from '../../../source/app/keys/keyPressesOf.js';
import { RenderCommitSignal } from '../../../source/app/keys/RenderCommitSignal.js';

afterEach(() => {
  vi.useRealTimers();
});

/** How long a frame takes to commit in these tests, and how long a lazy screen takes to load. */
const FRAME_MS = 5;
const SCREEN_LOAD_MS = 100;

const press = (name: string): KeyPress => ({ name, text: name.length === 1 ? name : '' });

/** A page of the fake shell: when its screen registers its keys after the frame that shows it, and what Enter opens. */
interface FakePage {
  /** 0: in that frame (an eagerly loaded screen); undefined: never (a page without keys). */
  loadMs: number | undefined;
  opens?: number;
}

/**
 * The shell without React, on a fake clock: pages by stack key, each registering its screen keys
 * as useActions does, `loadMs` after the frame that put it on top (a lazily loaded screen). A state
 * change made by an action shows at the next commit, which the key queue's render request brings
 * FRAME_MS later. Every key lands in `log` under the page (or the global layer) that took it.
 */
class FakeShell {
  readonly log: string[] = [];
  readonly dispatcher = new KeyDispatcher();
  readonly commits = new RenderCommitSignal();
  readonly queue = new KeyPressQueue(this.dispatcher, this.commits);
  private pendingChanges: Array<() => void> = [];
  private screen: { remove(): void } | undefined;

  constructor(private readonly pages: Record<number, FakePage>) {
    this.commits.attach(() => setTimeout(() => this.commit(), FRAME_MS));
    this.dispatcher.register('global', {
      actions: [
        { key: 'j', label: 'global j', run: () => this.log.push('global:j') },
        { key: 'enter', label: 'global enter', run: () => this.log.push('global:enter') },
      ],
    });
    this.show(1);
  }

  type(...names: string[]): void {
    this.queue.push(names.map(press));
  }

  private show(key: number): void {
    this.screen?.remove();
    this.screen = undefined;
    this.dispatcher.showPage(key);
    const { loadMs, opens } = this.pages[key] ?? { loadMs: undefined };
    const actions: Action[] = [{ key: 'j', label: 'down', run: () => this.log.push(`page${key}:j`) }];
    if (opens !== undefined)
      actions.push({
        key: 'enter',
        label: 'open',
        run: () => {
          this.log.push(`page${key}:enter`);
          this.pendingChanges.push(() => this.show(opens));
        },
      });
    const register = () => {
      this.screen = this.dispatcher.register('screen', { actions }, key);
    };
    if (loadMs === 0) register();
    else if (loadMs !== undefined) setTimeout(register, loadMs);
  }

  private commit(): void {
    for (const change of this.pendingChanges.splice(0)) change();
    this.commits.committed();
  }
}

describe('the key queue across a page change', () => {
  it('gives a key typed right after the key that opened a page to the new page, once its keys are registered', async () => {
    vi.useFakeTimers();
    const shell = new FakeShell({ 1: { loadMs: 0, opens: 2 }, 2: { loadMs: SCREEN_LOAD_MS } });
    shell.type('enter', 'j');
    // The frame of page 2 is committed but its screen is still loading: j waits, not for page 1.
    await vi.advanceTimersByTimeAsync(FRAME_MS + SCREEN_LOAD_MS / 2);
    expect(shell.log).toEqual(['page1:enter']);
    await vi.advanceTimersByTimeAsync(SCREEN_LOAD_MS);
    expect(shell.log).toEqual(['page1:enter', 'page2:j']);
  });

  it('loses and reorders nothing in a burst across two page changes', async () => {
    vi.useFakeTimers();
    // Page 2 loads lazily and opens page 3, which loads lazily too.
    const shell = new FakeShell({
      1: { loadMs: 0, opens: 2 },
      2: { loadMs: SCREEN_LOAD_MS, opens: 3 },
      3: { loadMs: SCREEN_LOAD_MS },
    });
    shell.type('enter', 'j', 'j', 'enter', 'j', 'j');
    await vi.advanceTimersByTimeAsync(4 * (FRAME_MS + SCREEN_LOAD_MS));
    expect(shell.log).toEqual(['page1:enter', 'page2:j', 'page2:j', 'page2:enter', 'page3:j', 'page3:j']);
  });

  it('lets the keys go on after a bounded wait when the new page never registers keys', async () => {
    vi.useFakeTimers();
    const shell = new FakeShell({ 1: { loadMs: 0, opens: 2 }, 2: { loadMs: undefined } });
    shell.type('enter', 'j', 'j');
    await vi.advanceTimersByTimeAsync(FRAME_MS + PAGE_KEYS_WAIT_LIMIT_MS - 10);
    expect(shell.log).toEqual(['page1:enter']);
    await vi.advanceTimersByTimeAsync(20);
    expect(shell.log).toEqual(['page1:enter', 'global:j', 'global:j']);
    // Given up on once: a key typed later on that page goes straight through, with no wait.
    await vi.advanceTimersByTimeAsync(PAGE_KEYS_WAIT_LIMIT_MS);
    shell.type('j');
    expect(shell.log).toEqual(['page1:enter', 'global:j', 'global:j', 'global:j']);
  });

  it('adds no wait when the new page registers its keys in the frame that shows it', async () => {
    vi.useFakeTimers();
    const shell = new FakeShell({ 1: { loadMs: 0, opens: 2 }, 2: { loadMs: 0 } });
    shell.type('enter', 'j');
    await vi.advanceTimersByTimeAsync(FRAME_MS);
    expect(shell.log).toEqual(['page1:enter', 'page2:j']);
  });

  it('routes keys that change nothing at once, without a timer', () => {
    vi.useFakeTimers();
    const dispatcher = new KeyDispatcher();
    const queue = new KeyPressQueue(dispatcher, new RenderCommitSignal());
    dispatcher.showPage(1);
    const typed: string[] = [];
    // A field that buffers its text: typing changes no React state, so no frame is waited for.
    dispatcher.register(
      'screen',
      { actions: [], onText: (text) => typed.push(text) > 0, bufferedText: true },
      1,
    );
    queue.push(['a', 'b', 'c'].map(press));
    expect(typed).toEqual(['a', 'b', 'c']);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('KeyDispatcher.isReady', () => {
  it('holds keys for the page on top until its own screen registers, never for a stale page', () => {
    const dispatcher = new KeyDispatcher();
    const old = dispatcher.register('screen', { actions: [] }, 1);
    dispatcher.showPage(1);
    expect(dispatcher.isReady()).toBe(true);
    dispatcher.showPage(2);
    // Page 1's keys are still registered (a page that stays mounted): not page 2's.
    expect(dispatcher.isReady()).toBe(false);
    old.remove();
    expect(dispatcher.isReady()).toBe(false);
    // A dialog takes every key, whichever page is under it.
    const dialog = dispatcher.register('modal', { actions: [] });
    expect(dispatcher.isReady()).toBe(true);
    dialog.remove();
    dispatcher.register('screen', { actions: [] }, 2);
    expect(dispatcher.isReady()).toBe(true);
  });

  it('is ready at once when the page registered its keys before the shell said it is on top', () => {
    const dispatcher = new KeyDispatcher();
    // Layout effects run children first: the screen registers, then the shell reports the page.
    dispatcher.register('screen', { actions: [] }, 7);
    dispatcher.showPage(7);
    expect(dispatcher.isReady()).toBe(true);
    let ran = false;
    dispatcher.whenReady(() => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it('waits longer for a page whose code is still loading, and still gives up in the end', async () => {
    vi.useFakeTimers();
    const dispatcher = new KeyDispatcher();
    const ran: string[] = [];
    dispatcher.showPage(1);
    const loaded = dispatcher.pageLoading(1);
    dispatcher.whenReady(() => ran.push('first'));
    await vi.advanceTimersByTimeAsync(3 * PAGE_KEYS_WAIT_LIMIT_MS);
    expect(ran).toEqual([]);
    // The code arrives: the fallback goes and the screen registers in the same commit.
    loaded();
    dispatcher.register('screen', { actions: [] }, 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['first']);

    // A page whose code never arrives holds keys no longer than the load limit.
    dispatcher.showPage(2);
    dispatcher.pageLoading(2);
    dispatcher.whenReady(() => ran.push('second'));
    await vi.advanceTimersByTimeAsync(PAGE_LOAD_WAIT_LIMIT_MS - PAGE_KEYS_WAIT_LIMIT_MS);
    expect(ran).toEqual(['first']);
    await vi.advanceTimersByTimeAsync(2 * PAGE_KEYS_WAIT_LIMIT_MS);
    expect(ran).toEqual(['first', 'second']);
    expect(dispatcher.isReady()).toBe(true);
  });
});
