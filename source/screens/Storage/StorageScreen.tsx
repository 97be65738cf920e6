import { Box, Text } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import type { StorageListing } from '../../app/session/listStorage.js';
import { useTheme } from '../../app/ThemeContext.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { accessPointColumns, fileSystemColumns, volumeColumns } from './storageColumns.js';
import {
  STORAGE_VIEW_TITLES,
  STORAGE_VIEWS,
  type StorageView,
  storageRows,
  storageTabLabel,
} from './storageRows.js';
import { useFsxActions } from './useFsxActions.js';
import { useStorageActions } from './useStorageActions.js';

/** The tabs line and the note under it. */
const HEADER_ROWS = 2;

const VIEW_NOTES: Record<StorageView, string> = {
  'file-systems':
    'EFS (shared homes, an access point per research user), FSx for Lustre and OpenZFS, priced a month.',
  'access-points': "Each research user's directory on a file system, with the POSIX identity it enforces.",
  volumes: 'Root volumes of workstations, and data volumes (cws-tui volumes create).',
};

const NOTHING_LISTED: StorageListing = {
  file_systems: [],
  volumes: [],
  data_volumes: [],
  studio_homes: [],
  fsx: [],
  notes: [],
};

type Loaded =
  | { kind: 'loading' }
  | { kind: 'loaded'; listing: StorageListing; workstations: Workstation[] }
  | { kind: 'failed'; message: string };

/**
 * EFS and FSx file systems side by side (create, unmount, delete), EFS access points, and the EBS volumes: the
 * workstations' root volumes (a hibernated one says so) and the app's data volumes.
 */
export function StorageScreen({ width, height, filter }: ScreenProps) {
  const shell = useShell();
  const theme = useTheme();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [view, setView] = useState<StorageView>('file-systems');
  const loadingRef = useRef(false);

  const load = useCallback(() => {
    // One listing at a time: a second `r` while one runs waits for it.
    if (loadingRef.current) return;
    loadingRef.current = true;
    // The workstations say who mounts each file system (by their launch tags).
    Promise.all([shell.session.listStorage(), shell.session.listWorkstations()]).then(
      ([listing, workstations]) => {
        loadingRef.current = false;
        setLoaded({ kind: 'loaded', listing, workstations });
      },
      (error: unknown) => {
        loadingRef.current = false;
        setLoaded({ kind: 'failed', message: describeError(error).message });
      },
    );
  }, [shell.session]);
  useEffect(load, [load]);

  const listing = loaded.kind === 'loaded' ? loaded.listing : NOTHING_LISTED;
  const prices = shell.session.operationsContext().prices;
  const pricing = useMemo(
    () => ({
      workstations: loaded.kind === 'loaded' ? loaded.workstations : [],
      efsGbMonth: (region: string) => prices.storageMonthly('efs', region)?.usd_per_gb_month,
    }),
    [loaded, prices],
  );
  const fileSystems = useMemo(
    () => storageRows(listing, 'file-systems', filter, pricing),
    [listing, filter, pricing],
  );
  const accessPoints = useMemo(() => storageRows(listing, 'access-points', filter), [listing, filter]);
  const volumes = useMemo(() => storageRows(listing, 'volumes', filter), [listing, filter]);
  const keys = useMemo(
    () =>
      view === 'file-systems'
        ? fileSystems.map((fs) => fs.id)
        : view === 'access-points'
          ? accessPoints.map((ap) => ap.id)
          : volumes.map((volume) => volume.key),
    [view, fileSystems, accessPoints, volumes],
  );
  const tableHeight = Math.max(2, height - HEADER_ROWS);
  const fileSystemCols = useMemo(() => fileSystemColumns(width), [width]);
  const accessPointCols = useMemo(() => accessPointColumns(width), [width]);
  const volumeCols = useMemo(() => volumeColumns(width, theme), [width, theme]);
  const cursor = useListCursor(keys, tableHeight - 2);

  const nextView = STORAGE_VIEWS[(STORAGE_VIEWS.indexOf(view) + 1) % STORAGE_VIEWS.length] ?? 'file-systems';
  const storageActions = useStorageActions({
    selected: view === 'file-systems' && cursor.index !== -1 ? fileSystems[cursor.index] : undefined,
    width,
    reload: load,
  });
  const fsxActions = useFsxActions({
    selected: view === 'file-systems' && cursor.index !== -1 ? fileSystems[cursor.index] : undefined,
    width,
    reload: load,
  });
  const counts: Record<StorageView, number> = {
    'file-systems': fileSystems.length,
    'access-points': accessPoints.length,
    volumes: volumes.length,
  };
  const actions: Action[] = [
    ...cursor.actions,
    ...(view === 'file-systems' ? [...storageActions, ...fsxActions] : []),
    { key: 'tab', label: STORAGE_VIEW_TITLES[nextView], run: () => setView(nextView) },
    ...STORAGE_VIEWS.map(
      (target, index): Action => ({
        key: String(index + 1),
        label: STORAGE_VIEW_TITLES[target],
        footer: false,
        run: () => setView(target),
      }),
    ),
    { key: 'r', label: 'refresh', run: load },
  ];
  useActions(actions);

  const emptyText =
    loaded.kind === 'loading'
      ? 'Listing storage…'
      : filter
        ? 'Nothing matches the filter (Esc clears it).'
        : view === 'volumes'
          ? 'No workstations and no data volumes.'
          : view === 'file-systems'
            ? 'No file systems of this app in these regions yet (c creates EFS, f creates FSx).'
            : 'No EFS file systems of this app in these regions yet.';
  const common = { selectedIndex: cursor.index, width, height: tableHeight, emptyText };
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        {STORAGE_VIEWS.map((target, index) => (
          <Text key={target} bold={target === view} inverse={target === view && theme.color}>
            {`${index > 0 ? '  ' : ''}${storageTabLabel(target, loaded.kind === 'loaded' ? counts[target] : undefined)}${target === view && !theme.color ? '*' : ''}`}
          </Text>
        ))}
      </Text>
      {loaded.kind === 'failed' ? (
        <Text wrap="truncate" color={theme.danger}>
          Could not list storage: {sanitizeForTerminal(loaded.message)} (r tries again)
        </Text>
      ) : listing.notes.length > 0 && view === 'file-systems' ? (
        <Text wrap="truncate" color={theme.warning}>
          {sanitizeForTerminal(listing.notes.join('; '))}
        </Text>
      ) : (
        <Text wrap="truncate" color={theme.muted}>
          {VIEW_NOTES[view]}
        </Text>
      )}
      {view === 'file-systems' ? (
        <Table rows={fileSystems} columns={fileSystemCols} rowKey={(fs) => fs.id} {...common} />
      ) : view === 'access-points' ? (
        <Table rows={accessPoints} columns={accessPointCols} rowKey={(ap) => ap.id} {...common} />
      ) : (
        <Table rows={volumes} columns={volumeCols} rowKey={(volume) => volume.key} {...common} />
      )}
    </Box>
  );
}
