import { Box, Text, useApp } from 'ink';
import { Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { FilterBar } from '../../components/FilterBar.js';
import { MIN_COLUMNS, MIN_ROWS, TooSmall } from '../../components/TooSmall.js';
import { formatCount } from '../../core/cost/formatUsd.js';
import { ActiveKeyHints } from '../ActiveKeyHints.js';
import { type CopyResult, copyToClipboard } from '../connect/copyToClipboard.js';
import { TunnelPorts } from '../connect/TunnelPorts.js';
import { describeError } from '../describeError.js';
import { PASTE_LIMIT_CHARS } from '../keys/BracketedPaste.js';
import type { KeyDispatcher } from '../keys/KeyDispatcher.js';
import { RenderCommitProbe } from '../keys/RenderCommitProbe.js';
import { RenderCommitSignal } from '../keys/RenderCommitSignal.js';
import { useActions } from '../keys/useActions.js';
import { useKeyInput } from '../keys/useKeyInput.js';
import { PageActiveContext } from '../PageActiveContext.js';
import { PageKeyContext } from '../PageKeyContext.js';
import { PageLoading } from '../pages/PageLoading.js';
import type { PaletteCommand } from '../pages/PaletteCommand.js';
import { findPage, pages as registeredPages } from '../pages/pageRegistry.js';
import { usePageStack } from '../pages/usePageStack.js';
import { type Modal, type Shell, ShellContext } from '../ShellContext.js';
import { ShellHeader } from '../ShellHeader.js';
import type { Session } from '../session/Session.js';
import type { AppStore } from '../store/AppStore.js';
import { useTerminalSize } from '../useTerminalSize.js';
import { globalActions } from './globalActions.js';
import { MessageLine } from './MessageLine.js';
import { RegionPicker, regionPickerHeight } from './RegionPicker.js';
import { useSessionLoops } from './useSessionLoops.js';

export interface ShellViewProps {
  openSession: (profile?: string) => Promise<Session>;
  refreshMs: number;
  store: AppStore;
  dispatcher: KeyDispatcher;
  now: () => number;
  redraw: (() => void) | undefined;
  handOverTerminal: ((run: () => Promise<number>) => Promise<number>) | undefined;
  writeToTerminal: ((sequence: string) => void) | undefined;
  env: NodeJS.ProcessEnv;
  readonly: boolean;
}

type SessionStatus =
  | { kind: 'opening' }
  | { kind: 'open'; session: Session }
  | { kind: 'failed'; message: string; hint?: string };

/** Header (2), message line (1), footer (1), and the last row Ink must leave free to avoid clearing the screen. */
const CHROME_ROWS = 5;

/** The page stack, header, footer, filter and dialog layer, fed by the one key dispatcher. */
export function ShellView({
  openSession,
  refreshMs,
  store,
  dispatcher,
  now,
  redraw,
  handOverTerminal,
  writeToTerminal,
  env,
  readonly,
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
  const [modal, setModal] = useState<Modal | undefined>(undefined);
  const modalRef = useRef<Modal | undefined>(undefined);
  modalRef.current = modal;
  const pages = usePageStack(dispatcher);
  const { top } = pages;

  const refusePaste = (length: number) => {
    const size = `${formatCount(Math.ceil(length / 1024))} KB`;
    store.flash('error', `Paste refused: ${size} is over the limit of ${PASTE_LIMIT_CHARS / 1024 / 1024} MB`);
  };
  const commits = useMemo(() => new RenderCommitSignal(), []);
  const typing = useKeyInput({ dispatcher, commits, fits, quit: exit, refusePaste });

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
  const isPaused = useCallback(() => modalRef.current !== undefined, []);
  const refreshNow = useSessionLoops({ session, store, refreshMs, now, isPaused, isBusy: typing });
  // Messages without a source of their own are said to come from the page on top.
  const topTitle = pages.titleOf(top);
  useEffect(() => store.setMessageSource(topTitle), [store, topTitle]);

  const closeModal = useCallback(() => setModal(undefined), []);
  const resizeModal = useCallback(
    (height: number) =>
      setModal((current) => (current && current.height !== height ? { ...current, height } : current)),
    [],
  );
  const tunnelPorts = useMemo(() => new TunnelPorts(), []);
  const copy = useCallback(
    (text: string): Promise<CopyResult> =>
      writeToTerminal
        ? copyToClipboard(text, { env, write: writeToTerminal })
        : Promise.resolve({ sent: false, message: 'this display has no terminal clipboard to copy to' }),
    [env, writeToTerminal],
  );
  // The new session replaces the old one everywhere: the store is emptied and every page remounts.
  const { remountAll, open, back, clearFilter } = pages;
  const switchProfile = useCallback(
    async (name: string) => {
      const next = await openSession(name);
      store.sessionReplaced();
      remountAll();
      setStatus({ kind: 'open', session: next });
    },
    [openSession, store, remountAll],
  );
  const chooseRegion = useCallback(() => {
    if (!session) return;
    const regions = session.info.regions;
    setModal({
      height: regionPickerHeight(regions),
      node: (
        <RegionPicker
          regions={regions}
          current={store.getState().region}
          onClose={closeModal}
          onChoose={(region) => {
            closeModal();
            store.showRegion(region);
          }}
        />
      ),
    });
  }, [session, store, closeModal]);

  const commands = useMemo<PaletteCommand[]>(
    () => [
      ...registeredPages.flatMap((page) =>
        // A read-only session offers no page that only changes things.
        page.command && !(readonly && page.mutating)
          ? [{ name: page.command, summary: page.summary ?? '', run: () => open(page.id) }]
          : [],
      ),
      { name: 'region', summary: 'show one region, or all of them', run: chooseRegion },
      { name: 'quit', summary: 'leave cws-tui', run: () => exit() },
    ],
    [open, exit, chooseRegion, readonly],
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
        refreshNow,
        switchProfile,
        readonly,
        commands,
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
      refreshNow,
      switchProfile,
      readonly,
      commands,
      handOverTerminal,
      exit,
    ],
  );

  useActions(
    globalActions({
      pages,
      commands,
      sessionOpen: session !== undefined,
      showModal: setModal,
      closeModal,
      quit: exit,
      redraw,
    }),
    { layer: 'global' },
  );

  // The page on top, once committed: keys wait for its screen's own (a screen loaded lazily mounts later).
  const pagesShown = shell !== undefined;
  useLayoutEffect(() => {
    if (pagesShown) dispatcher.showPage(top.key);
  }, [dispatcher, pagesShown, top.key]);

  const filter = pages.filterOf(top);
  const filterShown = pages.filterEditing || filter !== '';
  const bodyHeight = rows - CHROME_ROWS - (filterShown ? 1 : 0) - (modal?.height ?? 0);
  const shellView = (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <ShellHeader
        info={session?.info}
        breadcrumbs={pages.stack.map(pages.titleOf)}
        readonly={readonly}
        status={status.kind === 'opening' ? 'Opening the session…' : undefined}
      />
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
          ? pages.stack.map((entry) => {
              const page = findPage(entry.id);
              if (!page) return null;
              const Screen = page.component;
              const active = entry.key === top.key;
              return (
                <PageActiveContext.Provider key={entry.key} value={active}>
                  <PageKeyContext.Provider value={entry.key}>
                    <Box display={active ? 'flex' : 'none'} height={bodyHeight} flexDirection="column">
                      <Suspense fallback={<PageLoading page={entry.key} />}>
                        <Screen
                          page={entry}
                          width={columns}
                          height={bodyHeight}
                          filter={pages.filterOf(entry)}
                        />
                      </Suspense>
                    </Box>
                  </PageKeyContext.Provider>
                </PageActiveContext.Provider>
              );
            })
          : null}
        {filterShown ? (
          <FilterBar
            text={filter}
            editing={pages.filterEditing}
            onEdit={pages.editFilter}
            onAccept={() => pages.setFilterEditing(false)}
            onClear={clearFilter}
          />
        ) : null}
        {modal ? modal.node : null}
      </ShellContext.Provider>
      <MessageLine now={now} />
      <ActiveKeyHints width={columns} />
      <RenderCommitProbe signal={commits} />
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
