import type { Theme } from '../../app/theme.js';
import type { TableColumn } from '../../components/TableColumn.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { describeTemplateSource, type TemplateListRow } from './templateListRows.js';
import { templateBaseLabel, templateSizesLabel } from './templateSummary.js';

/** slug (`*` when it shadows another file), name, connection, base, sizes, source; forbidden dimmed. */
export function templateListColumns(width: number, theme: Theme): TableColumn<TemplateListRow>[] {
  const dimmed = (row: TemplateListRow) => (row.access.allowed ? undefined : theme.muted);
  const wide = width >= 100;
  return [
    {
      id: 'slug',
      title: 'SLUG',
      width: 20,
      cell: (row) => sanitizeForTerminal(`${row.template.slug}${row.shadows.length > 0 ? ' *' : ''}`),
      color: dimmed,
    },
    {
      id: 'name',
      title: 'NAME',
      width: 12,
      grow: true,
      cell: (row) => sanitizeForTerminal(row.template.name),
      color: dimmed,
    },
    {
      id: 'connect',
      title: 'CONNECT',
      width: 7,
      cell: (row) => sanitizeForTerminal(row.template.connection_type ?? 'auto'),
      color: dimmed,
    },
    {
      id: 'base',
      title: 'BASE',
      width: wide ? 16 : 12,
      cell: (row) => sanitizeForTerminal(templateBaseLabel(row.template)),
      color: dimmed,
    },
    ...(wide
      ? [
          {
            id: 'sizes',
            title: 'SIZES',
            width: 14,
            cell: (row: TemplateListRow) => sanitizeForTerminal(templateSizesLabel(row.template)),
            color: dimmed,
          },
        ]
      : []),
    {
      id: 'source',
      title: 'SOURCE',
      width: 10,
      grow: true,
      cell: (row) => sanitizeForTerminal(describeTemplateSource(row)),
      color: dimmed,
    },
  ];
}
