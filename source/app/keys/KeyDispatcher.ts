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

/**
 * How long keys wait for the page on top to register its keys once it is drawn: longer than a
 * commit takes on a loaded machine, short enough not to be felt, so a page that never registers
 * keys never stalls input.
 */
export const PAGE_KEYS_WAIT_LIMIT_MS = 250;

/** How long they wait while the page's code is still loading (its first opening): it is coming. */
export const PAGE_LOAD_WAIT_LIMIT_MS = 2_000;

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
  /** The page (its stack entry's key) whose screen registered it. */
  page: number | undefined;
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
  /** The page on top as the shell last committed it. */
  private shownPage: number | undefined;
  /** That page while its screen keys are not registered yet (and not given up on). */
  private awaitedPage: number | undefined;
  /** Pages whose screen's code is loading (their Suspense fallback is showing). */
  private readonly loadingPages = new Set<number>();

  register(
    layer: KeyLayer,
    binding: KeyBinding,
    page?: number,
  ): { update(binding: KeyBinding): void; remove(): void } {
    const registration: Registration = { layer, binding, page };
    this.registrations.push(registration);
    if (layer === 'screen' && page === this.awaitedPage) this.awaitedPage = undefined;
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

  /**
   * The shell committed a frame with `page` on top. Until that page's screen registers its keys, a
   * key would reach no screen or a stale one: `isReady` says to hold it.
   */
  showPage(page: number): void {
    if (page === this.shownPage) return;
    this.shownPage = page;
    const registered = this.topRegistration('screen')?.page === page;
    this.awaitedPage = registered ? undefined : page;
  }

  /** Whether the keys of the page on top are in place (a dialog has every key anyway). */
  isReady(): boolean {
    return this.awaitedPage === undefined || this.topRegistration('modal') !== undefined;
  }

  /** A page's Suspense fallback is showing (its code loads); returns the call for when it goes. */
  pageLoading(page: number): () => void {
    this.loadingPages.add(page);
    return () => this.loadingPages.delete(page);
  }

  /**
   * Runs `then` once `isReady`, at once when it is already (the common case: no timer). A page that
   * registers nothing within PAGE_KEYS_WAIT_LIMIT_MS of being drawn (PAGE_LOAD_WAIT_LIMIT_MS while
   * its code loads) is given up on: the keys go on to whoever has them.
   */
  whenReady(then: () => void): void {
    if (this.isReady()) {
      then();
      return;
    }
    const awaited = this.awaitedPage;
    const started = this.now();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      unsubscribe();
      clearTimeout(timer);
      then();
    };
    // Registrations happen in layout effects: the keys go on after the rest of that commit's.
    const unsubscribe = this.subscribe(() => {
      if (this.isReady()) queueMicrotask(finish);
    });
    const expire = () => {
      const loading = awaited !== undefined && this.loadingPages.has(awaited);
      if (loading && this.now() - started < PAGE_LOAD_WAIT_LIMIT_MS) {
        timer = setTimeout(expire, PAGE_KEYS_WAIT_LIMIT_MS);
        timer.unref?.();
        return;
      }
      if (this.awaitedPage === awaited) this.awaitedPage = undefined;
      finish();
    };
    let timer = setTimeout(expire, PAGE_KEYS_WAIT_LIMIT_MS);
    timer.unref?.();
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
    return this.topRegistration(layer)?.binding;
  }

  private topRegistration(layer: KeyLayer): Registration | undefined {
    for (let index = this.registrations.length - 1; index >= 0; index--) {
      const registration = this.registrations[index];
      if (registration?.layer === layer) return registration;
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
