import { type Action, isMutating, isAvailable as isOffered, keysOf } from './Action.js';

/** An Enter this soon after an Esc runs no dangerous action. */
export const ESC_ENTER_GUARD_MS = 300;

/**
 * What became of a key press: `changed` when an action ran or a field took it into React state (the
 * next key waits for the new frame: it may go to a field just opened, or read the text just typed),
 * `typed` when a field that buffers its text took it (no frame needed), `unclaimed` when nothing did.
 */
export type KeyOutcome = 'changed' | 'typed' | 'unclaimed';

/** Who may claim a key, in the order they are asked. */
export type KeyLayer = 'modal' | 'screen' | 'global';

/** What one component listens to: its action map and, for text fields, the typed characters. */
export interface KeyBinding {
  actions: readonly Action[];
  /** Gets printable input no action claimed (and `backspace`); returns whether it used it. */
  onText?: (text: string, keyName: string) => boolean;
  /** A text field has focus: printable keys are typed, so the global keys are off (and not offered). */
  typing?: boolean;
  /** `onText` keeps the text outside React state (useTextInput): keys read together go straight in. */
  bufferedText?: boolean;
}

interface Registration {
  layer: KeyLayer;
  binding: KeyBinding;
}

/**
 * The one place that decides who gets a key: the open dialog first (and only it: a dialog is modal),
 * then the active screen, then the global keys. Screen keys therefore never collide with global ones:
 * a screen that maps `/` shadows the global filter on that screen only.
 */
export class KeyDispatcher {
  private registrations: Registration[] = [];
  private lastEscAt = Number.NEGATIVE_INFINITY;
  private escBeforeEnter = false;

  /**
   * `now` is the clock the Esc-then-Enter guard reads; a `readonly` dispatcher neither routes nor
   * offers an action that changes something.
   */
  constructor(
    private readonly now: () => number = Date.now,
    private readonly options: { readonly?: boolean } = {},
  ) {}

  private isAvailable = (action: Action): boolean =>
    isOffered(action) && !(this.options.readonly && isMutating(action));
  private listeners = new Set<() => void>();
  private version = 0;

  register(layer: KeyLayer, binding: KeyBinding): { update(binding: KeyBinding): void; remove(): void } {
    const registration: Registration = { layer, binding };
    this.registrations.push(registration);
    this.changed();
    return {
      update: (next) => {
        registration.binding = next;
      },
      remove: () => {
        this.registrations = this.registrations.filter((r) => r !== registration);
        this.changed();
      },
    };
  }

  /** Routes a key press; returns whether anything took it. */
  dispatch(keyName: string, text: string): boolean {
    return this.route(keyName, text) !== 'unclaimed';
  }

  /** Routes a key press; returns what took it. */
  route(keyName: string, text: string): KeyOutcome {
    // Only an Enter straight after an Esc (no key between) is held back from a dangerous action.
    const escJustBefore = keyName === 'enter' && this.now() - this.lastEscAt < ESC_ENTER_GUARD_MS;
    this.lastEscAt = keyName === 'esc' ? this.now() : Number.NEGATIVE_INFINITY;
    this.escBeforeEnter = escJustBefore;
    const modal = this.top('modal');
    // A dialog is modal: it has every key, whether it used it or not.
    if (modal) return this.handle(modal, keyName, text) === 'typed' ? 'typed' : 'changed';
    const screen = this.top('screen');
    const onScreen = screen ? this.handle(screen, keyName, text) : 'unclaimed';
    if (onScreen !== 'unclaimed') return onScreen;
    // While typing, a key the field did not take (a control key) does not act globally either.
    if (screen?.typing && keyName !== 'ctrl+l') return 'unclaimed';
    const global = this.top('global');
    return global ? this.handle(global, keyName, text) : 'unclaimed';
  }

  /**
   * The actions that work right now, in the footer's order: the screen's own first (what the user
   * came to do), then the global keys; the footer cuts from the end and offers `?` for the rest.
   */
  activeActions(): Action[] {
    const modal = this.top('modal');
    if (modal) return modal.actions.filter(this.isAvailable);
    const screenBinding = this.top('screen');
    const screen = screenBinding?.actions.filter(this.isAvailable) ?? [];
    if (screenBinding?.typing) return screen;
    const screenKeys = new Set(screen.flatMap(keysOf));
    const global = (this.top('global')?.actions.filter(this.isAvailable) ?? []).filter(
      (action) => !keysOf(action).some((key) => screenKeys.has(key)),
    );
    return [...screen, ...global];
  }

  /** Whether a text field has the keys (a dialog's, or the screen's). */
  isTyping(): boolean {
    const modal = this.top('modal');
    return modal ? modal.typing === true : this.top('screen')?.typing === true;
  }

  screenActions(): Action[] {
    return [...(this.top('screen')?.actions ?? [])];
  }

  globalActions(): Action[] {
    return [...(this.top('global')?.actions ?? [])];
  }

  /** Whether an action where the key would be routed now takes it (`alt+b` in a text field). */
  claims(keyName: string): boolean {
    const modal = this.top('modal');
    const layers = modal ? [modal] : [this.top('screen'), this.top('global')];
    return layers.some((binding) =>
      binding?.actions.some((a) => keysOf(a).includes(keyName) && this.isAvailable(a)),
    );
  }

  hasModal(): boolean {
    return this.top('modal') !== undefined;
  }

  /** Tells listeners (the footer) that what is offered may have changed. */
  changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private top(layer: KeyLayer): KeyBinding | undefined {
    for (let index = this.registrations.length - 1; index >= 0; index--) {
      const registration = this.registrations[index];
      if (registration?.layer === layer) return registration.binding;
    }
    return undefined;
  }

  private handle(binding: KeyBinding, keyName: string, text: string): KeyOutcome {
    const action = binding.actions.find((a) => keysOf(a).includes(keyName) && this.isAvailable(a));
    if (action) {
      // Esc then Enter (a slip, or two keys joined over a slow link) never confirms what Esc left.
      if (action.dangerous && keyName === 'enter' && this.escBeforeEnter) return 'changed';
      action.run();
      return 'changed';
    }
    if (!binding.onText?.(text, keyName)) return 'unclaimed';
    return binding.bufferedText ? 'typed' : 'changed';
  }
}
