import { Box, Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { useTheme } from '../../app/ThemeContext.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import {
  countTemplateErrors,
  describeTemplateErrors,
  type TemplateErrorCount,
} from '../../core/templates/countTemplateErrors.js';
import { resolveAll } from '../../core/templates/resolveTemplate.js';
import { templateListColumns } from './templateListColumns.js';
import { type TemplateListRow, templateListRows } from './templateListRows.js';
import { matchesTemplateFilter } from './templateSummary.js';

const rowKey = (row: TemplateListRow) => row.template.slug;
const STATUS_ROWS = 1;

interface TemplateListing {
  rows: TemplateListRow[];
  /** Files that could not be loaded or resolved, and their errors: listed by `cws-tui templates validate`. */
  errors: TemplateErrorCount;
}

/** Every template on the search path, resolved: Enter shows one in full, `l` launches it. */
export function TemplatesScreen({ width, height, filter }: ScreenProps) {
  const shell = useShell();
  const theme = useTheme();
  const { session } = shell;
  const [listing, setListing] = useState<TemplateListing | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    session.templates().then(
      (registry) => {
        if (cancelled) return;
        const resolution = resolveAll(registry);
        const diagnostics = [...registry.diagnostics, ...resolution.diagnostics];
        setListing({
          rows: templateListRows(resolution.templates, registry, session.profile.policy),
          errors: countTemplateErrors(diagnostics),
        });
      },
      (error: unknown) => !cancelled && setFailure(describeError(error).message),
    );
    return () => {
      cancelled = true;
    };
  }, [session]);

  const rows = useMemo(
    () => (listing?.rows ?? []).filter((row) => matchesTemplateFilter(row.template, filter)),
    [listing, filter],
  );
  const columns = useMemo(() => templateListColumns(width, theme), [width, theme]);
  const tableHeight = height - STATUS_ROWS;
  const cursor = useListCursor(rows.map(rowKey), tableHeight - 2);
  const selected = cursor.index === -1 ? undefined : rows[cursor.index];

  const actions: Action[] = [
    ...cursor.actions,
    {
      key: 'enter',
      label: 'resolved template',
      when: () => selected !== undefined,
      run: () => selected && shell.open('template', { slug: selected.template.slug }),
    },
    {
      key: 'l',
      label: 'launch',
      mutates: true,
      when: () => selected?.access.allowed === true,
      run: () => selected && shell.open('launch', { template: selected.template.slug }),
    },
  ];
  useActions(actions);

  const total = listing?.rows.length ?? 0;
  const shadowing = listing?.rows.filter((row) => row.shadows.length > 0).length ?? 0;
  const forbidden = listing?.rows.filter((row) => !row.access.allowed).length ?? 0;
  const status = listing
    ? [
        filter ? `${rows.length} of ${total} templates` : `${total} template${total === 1 ? '' : 's'}`,
        ...(forbidden > 0 ? [`${forbidden} forbidden by the policy (dimmed)`] : []),
        ...(shadowing > 0 ? ['* shadows a file of the same slug'] : []),
        ...(listing.errors.errors > 0
          ? [`${describeTemplateErrors(listing.errors)}: cws-tui templates validate`]
          : []),
      ].join(' · ')
    : (failure ?? 'Loading templates…');
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate" color={failure ? theme.danger : undefined}>
        {status}
      </Text>
      <Table
        rows={rows}
        columns={columns}
        rowKey={rowKey}
        selectedIndex={cursor.index}
        width={width}
        height={tableHeight}
        emptyText={
          listing === undefined
            ? 'Loading templates…'
            : filter
              ? 'No template matches the filter (Esc clears it).'
              : 'No templates on the search path.'
        }
      />
    </Box>
  );
}
