import { Box, Text } from 'ink';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { useAppStore } from '../../app/store/useAppState.js';
import { useTheme } from '../../app/ThemeContext.js';
import { Table } from '../../components/Table.js';
import type { TableColumn } from '../../components/TableColumn.js';
import { useListCursor } from '../../components/useListCursor.js';
import type { LoadedListings } from '../../core/marketplace/loadListings.js';
import type { MarketplaceListing } from '../../core/marketplace/searchMarketplace.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { marketplaceDetails, matchesListing, newestRelease, ratingLabel } from './marketplaceDetails.js';
import { submittedRelease, useMarketplaceDialogs } from './useMarketplaceDialogs.js';

const DETAIL_ROWS = 6;
type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed'; reason: string }
  | { kind: 'loaded'; value: LoadedListings };
const rowKey = (listing: MarketplaceListing) => `${listing.registry}/${listing.entry.slug}`;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `:marketplace`: the templates of every trusted registry, filtered as you type (`/`), with the
 * chosen one's versions, changelog, compliance and scan below; `i` installs, `r` then 1-5 rates
 * (with a short review typed after), `q` shows only the submissions awaiting review, and an approver
 * of the template's registry approves (`a`) or rejects (`x`) its submission with a reason.
 */
export function MarketplaceScreen({ width, height, filter }: ScreenProps) {
  const shell = useShell();
  const store = useAppStore();
  const theme = useTheme();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [rating, setRating] = useState(false);
  const [queueOnly, setQueueOnly] = useState(false);
  const [approverOf, setApproverOf] = useState<readonly string[]>([]);
  const marketplace = useMemo(() => shell.session.marketplace?.(), [shell.session]);

  const load = useCallback(() => {
    if (!marketplace) {
      setLoaded({ kind: 'failed', reason: 'this session has no marketplace' });
      return;
    }
    marketplace.listings().then(
      (value) => {
        setLoaded({ kind: 'loaded', value });
        // After the listings, which set up the demo registry on first use; a key that cannot be read
        // makes this user an approver nowhere, the common case anyway.
        marketplace.approverOf().then(setApproverOf, () => setApproverOf([]));
      },
      (error: unknown) => setLoaded({ kind: 'failed', reason: describe(error) }),
    );
  }, [marketplace]);
  useEffect(load, [load]);
  const dialogs = useMarketplaceDialogs(marketplace, width, load);

  const rows = useMemo(() => {
    if (loaded.kind !== 'loaded') return [];
    return loaded.value.listings.filter(
      (listing) =>
        matchesListing(listing, filter) &&
        (!queueOnly || listing.entry.releases.some((release) => release.status === 'submitted')),
    );
  }, [loaded, filter, queueOnly]);
  const keys = useMemo(() => rows.map(rowKey), [rows]);
  const tableHeight = Math.max(3, height - 1 - DETAIL_ROWS);
  const cursor = useListCursor(keys, tableHeight - 2);
  const selected = cursor.index === -1 ? undefined : rows[cursor.index];

  const rate = useCallback(
    (stars: number) => {
      setRating(false);
      const release = selected ? newestRelease(selected) : undefined;
      if (selected && release) dialogs.rate(selected, release.version, stars);
    },
    [selected, dialogs],
  );
  const reviewable =
    selected !== undefined &&
    approverOf.includes(selected.registry) &&
    submittedRelease(selected) !== undefined;

  const actions = useMemo<Action[]>(
    () => [
      ...cursor.actions,
      {
        key: 'i',
        label: 'install',
        mutates: true,
        when: () => selected !== undefined && !rating,
        run: () => {
          if (!selected || !marketplace) return;
          marketplace.install(selected).then(
            (what) => store.flash('success', `Installed ${what}`),
            (error: unknown) => store.flash('error', `Installing ${selected.entry.slug}: ${describe(error)}`),
          );
        },
      },
      { key: 'r', label: 'rate', when: () => selected !== undefined && !rating, run: () => setRating(true) },
      ...[1, 2, 3, 4, 5].map(
        (stars): Action => ({
          key: String(stars),
          label: `${stars}★`,
          when: () => rating,
          run: () => rate(stars),
        }),
      ),
      {
        key: 'a',
        label: 'approve',
        mutates: true,
        when: () => reviewable && !rating,
        run: () => selected && dialogs.review(selected, 'approve'),
      },
      {
        key: 'x',
        label: 'reject',
        mutates: true,
        when: () => reviewable && !rating,
        run: () => selected && dialogs.review(selected, 'reject'),
      },
      {
        key: 'q',
        label: queueOnly ? 'all templates' : 'review queue',
        when: () => !rating,
        run: () => setQueueOnly((on) => !on),
      },
    ],
    [cursor.actions, selected, rating, marketplace, store, rate, queueOnly, reviewable, dialogs],
  );
  useActions(actions);

  const columns = useMemo<TableColumn<MarketplaceListing>[]>(
    () => [
      { id: 'slug', title: 'SLUG', width: 18, cell: (l) => sanitizeForTerminal(l.entry.slug) },
      { id: 'name', title: 'NAME', width: 20, grow: true, cell: (l) => sanitizeForTerminal(l.entry.name) },
      { id: 'latest', title: 'LATEST', width: 8, cell: (l) => newestRelease(l)?.version ?? '-' },
      {
        id: 'status',
        title: 'STATUS',
        width: 9,
        cell: (l) => newestRelease(l)?.status ?? '-',
        color: (l) => (newestRelease(l)?.status === 'approved' ? theme.success : theme.warning),
      },
      { id: 'rating', title: 'RATING', width: 10, cell: ratingLabel },
      {
        id: 'publisher',
        title: 'PUBLISHER',
        width: width >= 110 ? 22 : 12,
        cell: (l) => sanitizeForTerminal(l.entry.publisher_name),
      },
    ],
    [theme, width],
  );

  if (loaded.kind === 'loading') return <Text>Reading the registries…</Text>;
  if (loaded.kind === 'failed') return <Text color={theme.danger}>{sanitizeForTerminal(loaded.reason)}</Text>;
  const problems = loaded.value.problems;
  const detail = rating
    ? ['Rate the newest version: press 1 to 5 stars']
    : selected
      ? marketplaceDetails(selected)
      : [];
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        {rows.length} {rows.length === 1 ? 'template' : 'templates'}
        {queueOnly ? ' awaiting review' : ''}
        {filter ? ` matching "${sanitizeForTerminal(filter)}"` : ''}
        {problems.length > 0 ? ` · ${sanitizeForTerminal(problems[0] ?? '')}` : ''}
      </Text>
      <Table
        rows={rows}
        columns={columns}
        rowKey={rowKey}
        selectedIndex={cursor.index}
        width={width}
        height={tableHeight}
        emptyText={
          loaded.value.listings.length === 0
            ? 'No registry is configured: cws-tui registry add <name> <s3://bucket/prefix | path>'
            : 'No template matches (Esc clears the filter).'
        }
      />
      <Box flexDirection="column" height={DETAIL_ROWS}>
        {detail.slice(0, DETAIL_ROWS).map((line) => (
          <Text key={line} wrap="truncate">
            {sanitizeForTerminal(line)}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
