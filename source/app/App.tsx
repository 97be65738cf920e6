import { Box, Text, useApp, useInput, usePaste } from 'ink';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { COMMAND_PALETTE_HEIGHT, CommandPalette } from '../components/CommandPalette.js';
import { FilterBar } from '../components/FilterBar.js';
import { Flash } from '../components/Flash.js';
import { MIN_COLUMNS, MIN_ROWS, TooSmall } from '../components/TooSmall.js';
import { formatCount } from '../core/cost/formatUsd.js';
import { costRefreshLoop } from '../screens/Cost/costRefreshLoop.js';
import { ActiveKeyHints } from './ActiveKeyHints.js';
import { type CopyResult, copyToClipboard } from './connect/copyToClipboard.js';
import { TunnelPorts } from './connect/TunnelPorts.js';
import { describeError } from './describeError.js';
import type { Action } from './keys/Action.js';
import { BracketedPaste, PASTE_LIMIT_CHARS } from './keys/BracketedPaste.js';
import { KeyDispatcher } from './keys/KeyDispatcher.js';
import { KeyDispatcherContext } from './keys/KeyDispatcherContext.js';
import { type KeyPress, keyPressesOf } from './keys/keyPressesOf.js';
import { useActions } from './keys/useActions.js';
import { PageActiveContext } from './PageActiveContext.js';
import type { PageEntry } from './pages/PageDefinition.js';
import type { PaletteCommand } from './pages/PaletteCommand.js';
import { DASHBOARD_PAGE, findPage, HELP_PAGE, pages } from './pages/pageRegistry.js';
import { type Modal, type Shell, ShellContext } from './ShellContext.js';
import { ShellHeader } from './ShellHeader.js';
import type { Session } from './session/Session.js';
import { AppStore } from './store/AppStore.js';
import { RefreshLoop } from './store/RefreshLoop.js';
import { AppStoreContext, useAppState } from './store/useAppState.js';
import { ThemeContext } from './ThemeContext.js';
import type { Theme } from './theme.js';
import { useTerminalSize } from './useTerminalSize.js';

export interface AppProps {
  /** Called once the first frame is on screen, so a slow account never delays it; again on a profile switch. */
  openSession: (profile?: string) => Promise<Session>;
  theme: Theme;
  /** Dashboard refresh interval. */
  refreshMs: number;
  store?: AppStore;
  now?: () => number;
  /** Paints the whole terminal again (Ctrl-L), when the output can do that. */
  redraw?: () => void;
  /** Lends the terminal to another program (ssh) and takes it back, when there is a real terminal. */
  handOverTerminal?: (run: () => Promise<number>) => Promise<number>;
  /** Writes a control sequence (an OSC 52 copy) straight to the terminal, when there is one. */
  writeToTerminal?: (sequence: string) => void;
  /** TMUX decides how a copy reaches the terminal. */
  env?: NodeJS.ProcessEnv;
}

type SessionStatus =
  | { kind: 'opening' }
  | { kind: 'open'; session: Session }
  | { kind: 'failed'; message: string; hint?: string };

/** Header (2), flash (1), footer (1), and the last row Ink must leave free to avoid clearing the screen. */
const CHROME_ROWS = 5;
/** Keys closer together than this are typing: a refresh waits until it pauses. */
const TYPING_PAUSE_MS = 250;

/** The research portal: providers around the shell. */
export function App({
  openSession,
  theme,
  refreshMs,
  store,
  now = Date.now,
  redraw,
  handOverTerminal,
  writeToTerminal,
  env = process.env,
}: AppProps) {
  const appStore = useMemo(() => store ?? new AppStore(), [store]);
  const dispatcher = useMemo(() => new KeyDispatcher(), []);
  return (
    <ThemeContext.Provider value={theme}>
      <AppStoreContext.Provider value={appStore}>
        <KeyDispatcherContext.Provider value={dispatcher}>
          <ShellView
            openSession={openSession}
            refreshMs={refreshMs}
            store={appStore}
            dispatcher={dispatcher}
            now={now}
            redraw={redraw}
            handOverTerminal={handOverTerminal}
            writeToTerminal={writeToTerminal}
            env={env}
          />
        </KeyDispatcherContext.Provider>
      </AppStoreContext.Provider>
    </ThemeContext.Provider>
  );
}

interface ShellViewProps {
  openSession: (profile?: string) => Promise<Session>;
  refreshMs: number;
  store: AppStore;
  dispatcher: KeyDispatcher;
  now: () => number;
  redraw: (() => void) | undefined;
  handOverTerminal: AppProps['handOverTerminal'];
  writeToTerminal: AppProps['writeToTerminal'];
  env: NodeJS.ProcessEnv;
}

/** The page stack, header, footer, filter and dialog layer, and the one key handler. */
function ShellView({
  openSession,
  refreshMs,
  store,
  dispatcher,
  now,
  redraw,
  handOverTerminal,
  writeToTerminal,
  env,
}: ShellViewProps) {
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const fits = terminal.columns >= MIN_COLUMNS && terminal.rows >= MIN_ROWS;
  // While the terminal is too small the pages stay mounted (hidden, at the last size that fitted),
  // so a wizard half filled in survives a window being dragged smaller and back.
  const lastFit = useRef({ columns: MIN_COLUMNS, rows: MIN_ROWS });
  if (fits) lastFit.current = { columns: terminal.columns, rows: terminal.rows };
  const { columns, rows } = lastFit.current;
  const [status, setStatus] = useState<SessionStatus>({ kind: 'opening' });
  const [stack, setStack] = useState<PageEntry[]>([{ key: 0, id: DASHBOARD_PAGE, params: {} }]);
  const [filters, setFilters] = useState<Readonly<Record<number, string>>>({});
  const [filterEditing, setFilterEditing] = useState(false);
  const [modal, setModal] = useState<Modal | undefined>(undefined);
  const modalRef = useRef<Modal | undefined>(undefined);
  modalRef.current = modal;
  const nextKeyRef = useRef(1);
  const loopRef = useRef<RefreshLoop | undefined>(undefined);
  const costLoopRef = useRef<RefreshLoop | undefined>(undefined);
  const flash = useAppState((state) => state.flash);

  // Presses read together are routed one at a time, each after the render the previous one caused
  // (React schedules it with setImmediate; a timer runs after that): `/gpu` in one read opens the
  // filter, then types into it.
  const queuedPressesRef = useRef<KeyPress[]>([]);
  // Refreshes wait for a pause in the typing (at most one more interval): see RefreshLoop.
  const lastKeyAtRef = useRef(Number.NEGATIVE_INFINITY);
  const typing = useCallback(() => performance.now() - lastKeyAtRef.current < TYPING_PAUSE_MS, []);
  const pasteRef = useRef(new BracketedPaste());
  const routeQueuedPress = useCallback(() => {
    const press = queuedPressesRef.current.shift();
    if (!press) return;
    // ESC and a key in one read: Alt+key where something takes it (a text field's Alt-B), else
    // Esc then the key, each after the render the one before caused.
    const plain = press.name.startsWith('alt+') ? press.name.slice(4) : undefined;
    if (plain && !dispatcher.claims(press.name)) {
      dispatcher.dispatch('esc', '');
      queuedPressesRef.current.unshift({ name: plain, text: press.text });
      setTimeout(routeQueuedPress, 0);
      return;
    }
    dispatcher.dispatch(press.name, press.text);
    if (queuedPressesRef.current.length > 0) setTimeout(routeQueuedPress, 0);
  }, [dispatcher]);
  useInput((input, key) => {
    lastKeyAtRef.current = performance.now();
    if (key.ctrl && input === 'c') {
      exit();
      return;
    }
    // Too small to see anything: only quitting makes sense; the hidden pages take no keys.
    if (!fits) {
      if (input === 'q') exit();
      return;
    }
    const pasted = pasteRef.current.feed(input, key);
    if (pasted.kind === 'reading') return;
    if (pasted.kind === 'refused') return refusePaste(pasted.length);
    const idle = queuedPressesRef.current.length === 0;
    if (pasted.kind === 'pasted') queuedPressesRef.current.push({ name: 'paste', text: pasted.text });
    // One push per key: a long unbracketed burst must not become one call's arguments.
    else for (const press of keyPressesOf(input, key)) queuedPressesRef.current.push(press);
    if (idle) routeQueuedPress();
  });

  const refusePaste = (length: number) => {
    const size = `${formatCount(Math.ceil(length / 1024))} KB`;
    store.flash('error', `Paste refused: ${size} is over the limit of ${PASTE_LIMIT_CHARS / 1024 / 1024} MB`);
  };

  // Ink 7 reads the bracketed-paste markers itself and hands the text over on its own channel: one
  // press, whatever its size, in order with the keys queued before it.
  usePaste((text) => {
    if (!fits) return;
    if (text.length > PASTE_LIMIT_CHARS) return refusePaste(text.length);
    const idle = queuedPressesRef.current.length === 0;
    queuedPressesRef.current.push({ name: 'paste', text });
    if (idle) routeQueuedPress();
  });

  useEffect(() => {
    let cancelled = false;
    // After the first frame is written: the session's modules and files load while it shows.
    const timer = setImmediate(() => {
      openSession().then(
        (session) => {
          if (!cancelled) setStatus({ kind: 'open', session });
        },
        (error: unknown) => {
          if (!cancelled) setStatus({ kind: 'failed', ...describeError(error) });
        },
      );
    });
    return () => {
      cancelled = true;
      clearImmediate(timer);
    };
  }, [openSession]);

  const session = status.kind === 'open' ? status.session : undefined;

  useEffect(() => {
    if (!session) return;
    // Cleared when the session is replaced (a profile switch): its late answers are dropped.
    let current = true;
    for (const notice of session.info.notices) store.flash('info', notice);
    session.callerIdentity().then(
      (identity) => {
        if (current) store.setIdentity(identity);
      },
      (error: unknown) => {
        if (!current) return;
        const { message, hint } = describeError(error);
        store.flash('error', `Could not identify the account: ${message}`, hint);
      },
    );
    let lastStates: string | undefined;
    session.shareListings?.(refreshMs);
    const loop = new RefreshLoop({
      intervalMs: refreshMs,
      isPaused: () => modalRef.current !== undefined,
      isBusy: typing,
      refresh: async () => {
        store.refreshStarted();
        try {
          const workstations = await session.listWorkstations();
          // A listing that returns after a profile switch belongs to the old session: dropped.
          if (!current) return;
          // A state change (a stop, a termination finishing) changes the burn rate: re-price now.
          const states = workstations.map((w) => `${w.id}:${w.state}:${w.hibernated}`).join(',');
          if (lastStates !== undefined && states !== lastStates) costLoopRef.current?.requestNow();
          lastStates = states;
          store.refreshSucceeded(workstations, now());
        } catch (error) {
          if (!current) return;
          const { message, hint } = describeError(error);
          store.refreshFailed(message);
          store.flash('error', `Refresh failed: ${message}`, hint);
        }
      },
    });
    loopRef.current = loop;
    loop.start();
    const costLoop = costRefreshLoop({
      session,
      store,
      intervalMs: refreshMs,
      isPaused: () => modalRef.current !== undefined,
      isBusy: typing,
      isCurrent: () => current,
    });
    costLoopRef.current = costLoop;
    costLoop.start();
    return () => {
      current = false;
      loop.stop();
      costLoop.stop();
      loopRef.current = undefined;
      costLoopRef.current = undefined;
    };
  }, [session, store, refreshMs, now, typing]);

  const top = stack[stack.length - 1] ?? { key: 0, id: DASHBOARD_PAGE, params: {} };
  const titleOf = useCallback((entry: PageEntry) => findPage(entry.id)?.title(entry.params) ?? entry.id, []);
  const filter = filters[top.key] ?? '';
  const topKeyRef = useRef(top.key);
  topKeyRef.current = top.key;

  const open = useCallback(
    (pageId: string, params: Readonly<Record<string, string>> = {}) => {
      setFilterEditing(false);
      setStack((current) => {
        // Opening a page already in the stack goes back to it rather than stacking a copy.
        const existing = current.findIndex(
          (entry) => entry.id === pageId && JSON.stringify(entry.params) === JSON.stringify(params),
        );
        if (existing !== -1) return current.slice(0, existing + 1);
        const from = current[current.length - 1];
        const entry: PageEntry = { key: nextKeyRef.current++, id: pageId, params };
        if (from) entry.openedFrom = { title: titleOf(from), actions: dispatcher.screenActions() };
        return [...current, entry];
      });
    },
    [dispatcher, titleOf],
  );
  const back = useCallback(() => {
    setFilterEditing(false);
    setStack((current) => (current.length > 1 ? current.slice(0, -1) : current));
  }, []);
  const closeModal = useCallback(() => setModal(undefined), []);
  const resizeModal = useCallback(
    (height: number) =>
      setModal((current) => (current && current.height !== height ? { ...current, height } : current)),
    [],
  );
  const tunnelPorts = useMemo(() => new TunnelPorts(), []);
  const clearFilter = useCallback(() => {
    setFilterEditing(false);
    setFilters((current) => ({ ...current, [topKeyRef.current]: '' }));
  }, []);
  const copy = useCallback(
    (text: string): Promise<CopyResult> =>
      writeToTerminal
        ? copyToClipboard(text, { env, write: writeToTerminal })
        : Promise.resolve({ sent: false, message: 'this display has no terminal clipboard to copy to' }),
    [env, writeToTerminal],
  );
  // The new session replaces the old one everywhere: the store is emptied and every page remounts.
  const switchProfile = useCallback(
    async (name: string) => {
      const next = await openSession(name);
      store.sessionReplaced();
      setStack((current) => current.map((entry) => ({ ...entry, key: nextKeyRef.current++ })));
      setStatus({ kind: 'open', session: next });
    },
    [openSession, store],
  );

  const shell = useMemo<Shell | undefined>(
    () =>
      session && {
        session,
        open,
        back,
        showModal: setModal,
        closeModal,
        resizeModal,
        copy,
        tunnelPorts,
        clearFilter,
        refreshNow: () => {
          loopRef.current?.requestNow();
          costLoopRef.current?.requestNow();
        },
        switchProfile,
        handOver: (run) =>
          handOverTerminal
            ? handOverTerminal(run)
            : Promise.reject(new Error('this display cannot hand the terminal over; use cws-tui connect')),
        quit: () => exit(),
      },
    [
      session,
      open,
      back,
      closeModal,
      resizeModal,
      copy,
      tunnelPorts,
      clearFilter,
      switchProfile,
      handOverTerminal,
      exit,
    ],
  );

  const paletteCommands = useMemo<PaletteCommand[]>(
    () => [
      ...pages.flatMap((page) =>
        page.command ? [{ name: page.command, summary: page.summary ?? '', run: () => open(page.id) }] : [],
      ),
      { name: 'quit', summary: 'leave cws-tui', run: () => exit() },
    ],
    [open, exit],
  );

  const editFilter = (edit: (text: string) => string) =>
    setFilters((current) => ({ ...current, [top.key]: edit(current[top.key] ?? '') }));
  const setFilter = (text: string) => editFilter(() => text);
  const globalActions: Action[] = [
    {
      key: ':',
      label: 'cmd',
      run: () =>
        setModal({
          node: <CommandPalette commands={paletteCommands} onClose={closeModal} />,
          height: COMMAND_PALETTE_HEIGHT,
        }),
    },
    { key: '/', label: 'filter', when: () => session !== undefined, run: () => setFilterEditing(true) },
    {
      key: '?',
      label: 'help',
      when: () => top.id !== HELP_PAGE,
      run: () => open(HELP_PAGE),
    },
    {
      key: 'esc',
      label: filter ? 'clear filter' : 'back',
      when: () => filter !== '' || stack.length > 1,
      run: () => (filter ? setFilter('') : back()),
    },
    { key: 'q', label: 'quit', run: () => exit() },
    {
      key: 'ctrl+l',
      label: 'redraw the screen',
      footer: false,
      when: () => redraw !== undefined,
      run: () => redraw?.(),
    },
  ];
  useActions(globalActions, { layer: 'global' });

  const filterShown = filterEditing || filter !== '';
  const bodyHeight = rows - CHROME_ROWS - (filterShown ? 1 : 0) - (modal?.height ?? 0);
  const breadcrumbs = stack.map(titleOf);
  const shellView = (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <ShellHeader
        info={session?.info}
        breadcrumbs={breadcrumbs}
        status={status.kind === 'opening' ? 'Opening the session…' : undefined}
      />
      <Flash message={flash} />
      {status.kind === 'opening' ? (
        <Box height={bodyHeight}>
          <Text>Opening the session…</Text>
        </Box>
      ) : null}
      {status.kind === 'failed' ? (
        <Box height={bodyHeight} flexDirection="column">
          <Text wrap="truncate">Could not open the session: {status.message}</Text>
          {status.hint ? <Text wrap="truncate">{status.hint}</Text> : null}
          <Text wrap="truncate">Press q to quit.</Text>
        </Box>
      ) : null}
      <ShellContext.Provider value={shell}>
        {shell
          ? stack.map((entry) => {
              const page = findPage(entry.id);
              if (!page) return null;
              const Screen = page.component;
              const active = entry.key === top.key;
              return (
                <PageActiveContext.Provider key={entry.key} value={active}>
                  <Box display={active ? 'flex' : 'none'} height={bodyHeight} flexDirection="column">
                    <Suspense fallback={<Text>Loading…</Text>}>
                      <Screen
                        page={entry}
                        width={columns}
                        height={bodyHeight}
                        filter={filters[entry.key] ?? ''}
                      />
                    </Suspense>
                  </Box>
                </PageActiveContext.Provider>
              );
            })
          : null}
        {filterShown ? (
          <FilterBar
            text={filter}
            editing={filterEditing}
            onEdit={editFilter}
            onAccept={() => setFilterEditing(false)}
            onClear={() => {
              setFilter('');
              setFilterEditing(false);
            }}
          />
        ) : null}
        {modal ? modal.node : null}
      </ShellContext.Provider>
      <ActiveKeyHints width={columns} />
    </Box>
  );
  if (fits) return shellView;
  return (
    <>
      <TooSmall columns={terminal.columns} rows={terminal.rows} />
      <Box display="none">{shellView}</Box>
    </>
  );
}
