import { describe, expect, it } from 'vitest';
import type { Action } from '../../../source/app/keys/Action.js';
import { KeyDispatcher } from '../../../source/app/keys/KeyDispatcher.js';

function recorder() {
  const calls: string[] = [];
  const action = (key: string | string[], label: string, extra: Partial<Action> = {}): Action => ({
    key,
    label,
    run: () => calls.push(label),
    ...extra,
  });
  return { calls, action };
}

describe('KeyDispatcher', () => {
  it('asks the screen before the global keys, so a screen key shadows a global one', () => {
    const { calls, action } = recorder();
    const dispatcher = new KeyDispatcher();
    dispatcher.register('global', { actions: [action('q', 'quit'), action('/', 'filter')] });
    dispatcher.register('screen', { actions: [action('/', 'search the log')] });
    expect(dispatcher.dispatch('/', '/')).toBe(true);
    expect(dispatcher.dispatch('q', 'q')).toBe(true);
    expect(calls).toEqual(['search the log', 'quit']);
  });

  it('gives every key to an open dialog and none to the screen or global keys', () => {
    const { calls, action } = recorder();
    const dispatcher = new KeyDispatcher();
    const typed: string[] = [];
    dispatcher.register('global', { actions: [action('q', 'quit')] });
    dispatcher.register('screen', { actions: [action('s', 'start')] });
    const modal = dispatcher.register('modal', {
      actions: [action('esc', 'cancel')],
      onText: (text) => {
        typed.push(text);
        return true;
      },
    });
    dispatcher.dispatch('q', 'q');
    dispatcher.dispatch('s', 's');
    dispatcher.dispatch('j', 'j');
    dispatcher.dispatch('esc', '');
    expect(typed).toEqual(['q', 's', 'j']);
    expect(calls).toEqual(['cancel']);
    modal.remove();
    dispatcher.dispatch('s', 's');
    expect(calls).toEqual(['cancel', 'start']);
  });

  it('skips actions whose condition does not hold, letting the key fall through', () => {
    const { calls, action } = recorder();
    const dispatcher = new KeyDispatcher();
    dispatcher.register('global', { actions: [action('esc', 'back')] });
    dispatcher.register('screen', { actions: [action('esc', 'clear marks', { when: () => false })] });
    dispatcher.dispatch('esc', '');
    expect(calls).toEqual(['back']);
  });

  it('routes to the most recent registration of a layer and matches alternate keys', () => {
    const { calls, action } = recorder();
    const dispatcher = new KeyDispatcher();
    dispatcher.register('screen', { actions: [action('j', 'old screen')] });
    dispatcher.register('screen', { actions: [action(['j', 'down'], 'new screen')] });
    dispatcher.dispatch('down', '');
    expect(calls).toEqual(['new screen']);
  });

  it('offers the footer the dialog keys alone, or the screen then the global keys without duplicates', () => {
    const { action } = recorder();
    const dispatcher = new KeyDispatcher();
    dispatcher.register('global', { actions: [action('?', 'help'), action('/', 'filter')] });
    dispatcher.register('screen', {
      actions: [action('/', 'search'), action('x', 'hidden', { when: () => false })],
    });
    expect(dispatcher.activeActions().map((a) => a.label)).toEqual(['search', 'help']);
    dispatcher.register('modal', { actions: [action('enter', 'confirm')] });
    expect(dispatcher.activeActions().map((a) => a.label)).toEqual(['confirm']);
  });

  it('tells subscribers when the offered keys change', () => {
    const dispatcher = new KeyDispatcher();
    let notified = 0;
    dispatcher.subscribe(() => notified++);
    const before = dispatcher.getVersion();
    dispatcher.register('screen', { actions: [] }).remove();
    expect(notified).toBe(2);
    expect(dispatcher.getVersion()).toBe(before + 2);
  });

  it('runs no dangerous Enter action just after an Esc, and a safe one as usual', () => {
    const { calls, action } = recorder();
    let now = 1000;
    const dispatcher = new KeyDispatcher(() => now);
    dispatcher.register('modal', { actions: [action('enter', 'connect now', { dangerous: true })] });
    dispatcher.dispatch('esc', '');
    now += 50;
    dispatcher.dispatch('enter', '\r');
    expect(calls).toEqual([]);
    now += 1000;
    dispatcher.dispatch('enter', '\r');
    expect(calls).toEqual(['connect now']);
    dispatcher.dispatch('esc', '');
    dispatcher.dispatch('x', 'x');
    dispatcher.dispatch('enter', '\r');
    expect(calls).toEqual(['connect now', 'connect now']);
  });

  it('says whether an alt+ key is taken where it would be routed', () => {
    const { action } = recorder();
    const dispatcher = new KeyDispatcher();
    dispatcher.register('screen', { actions: [action('j', 'down')] });
    expect(dispatcher.claims('alt+b')).toBe(false);
    dispatcher.register('modal', { actions: [action('alt+b', 'word left')] });
    expect(dispatcher.claims('alt+b')).toBe(true);
    expect(dispatcher.claims('j')).toBe(false);
  });

  it('offers only the field keys while typing, and a global key does not act', () => {
    const { calls, action } = recorder();
    const dispatcher = new KeyDispatcher();
    dispatcher.register('global', { actions: [action('q', 'quit'), action('ctrl+x', 'global chord')] });
    dispatcher.register('screen', {
      actions: [action('enter', 'review')],
      typing: true,
      onText: () => false,
    });
    expect(dispatcher.isTyping()).toBe(true);
    expect(dispatcher.activeActions().map((a) => a.label)).toEqual(['review']);
    expect(dispatcher.dispatch('ctrl+x', '')).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('KeyDispatcher.route', () => {
  it('says whether a key changed something, went into a buffering field, or was taken by nothing', () => {
    const dispatcher = new KeyDispatcher();
    dispatcher.register('global', { actions: [{ key: 'q', label: 'quit', run: () => {} }] });
    expect(dispatcher.route('q', 'q')).toBe('changed');
    expect(dispatcher.route('x', 'x')).toBe('unclaimed');
    const typed: string[] = [];
    const field = dispatcher.register('screen', {
      actions: [{ key: 'esc', label: 'close', run: () => {} }],
      typing: true,
      onText: (text) => text !== '' && typed.push(text) > 0,
    });
    // Typed into React state: the next key waits for the frame that shows it.
    expect(dispatcher.route('x', 'x')).toBe('changed');
    expect(dispatcher.route('esc', '')).toBe('changed');
    // A key the field does not type is not a global key either while it has the keys.
    expect(dispatcher.route('q', '')).toBe('unclaimed');
    field.update({
      ...{ actions: [], typing: true, onText: (text) => typed.push(text) > 0 },
      bufferedText: true,
    });
    // A field that buffers its text needs no frame between keys.
    expect(dispatcher.route('y', 'y')).toBe('typed');
    expect(typed).toEqual(['x', 'y']);
  });
});
