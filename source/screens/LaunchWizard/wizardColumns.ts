import type { Theme } from '../../app/theme.js';
import type { TableColumn } from '../../components/TableColumn.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { templateBaseLabel, templateSizesLabel } from '../Templates/templateSummary.js';
import { describeInstanceShape, formatHourly, type InstanceChoiceRow } from './instanceChoiceRows.js';
import type { TemplateChoice } from './templateChoices.js';

/** The template page: forbidden templates are dimmed, with the policy's reason in the last column. */
export function templateChoiceColumns(width: number, theme: Theme): TableColumn<TemplateChoice>[] {
  const dimmed = (choice: TemplateChoice) => (choice.access.allowed ? undefined : theme.muted);
  const wide = width >= 100;
  return [
    {
      id: 'slug',
      title: 'TEMPLATE',
      width: 20,
      cell: (c) => sanitizeForTerminal(c.template.slug),
      color: dimmed,
    },
    {
      id: 'name',
      title: 'NAME',
      width: 12,
      grow: true,
      cell: (c) => sanitizeForTerminal(c.template.name),
      color: dimmed,
    },
    {
      id: 'base',
      title: 'BASE',
      width: wide ? 16 : 12,
      cell: (c) => sanitizeForTerminal(templateBaseLabel(c.template)),
      color: dimmed,
    },
    ...(wide
      ? [
          {
            id: 'sizes',
            title: 'SIZES',
            width: 12,
            cell: (c: TemplateChoice) => sanitizeForTerminal(templateSizesLabel(c.template)),
            color: dimmed,
          },
        ]
      : []),
    {
      id: 'policy',
      title: 'POLICY',
      width: 10,
      grow: true,
      cell: (c) =>
        c.access.allowed ? 'allowed' : sanitizeForTerminal(`forbidden: ${c.access.reason ?? ''}`),
      color: (c) => (c.access.allowed ? theme.success : theme.muted),
    },
  ];
}

/**
 * The size page: the template's sizes, then the catalog, each with its shape and price. When the
 * policy forbids some, a POLICY column names the rule (the whole reason from 100 columns; the line
 * under the page always says it for the highlighted row) and their rows are dimmed.
 */
export function instanceChoiceColumns(
  rows: readonly InstanceChoiceRow[],
  width: number,
  theme: Theme,
): TableColumn<InstanceChoiceRow>[] {
  const dimmed = (row: InstanceChoiceRow) => (row.access.allowed ? undefined : theme.muted);
  const wide = width >= 100;
  const policy: TableColumn<InstanceChoiceRow> = {
    id: 'policy',
    title: 'POLICY',
    width: wide ? 12 : 22,
    grow: wide,
    cell: (row) =>
      row.access.allowed
        ? 'allowed'
        : sanitizeForTerminal(wide ? `forbidden: ${row.access.reason ?? ''}` : `✗ ${row.access.rule ?? ''}`),
    color: (row) => (row.access.allowed ? theme.success : theme.muted),
  };
  return [
    {
      id: 'size',
      title: 'SIZE',
      width: 6,
      cell: (row) => sanitizeForTerminal(row.size ?? '-'),
      color: dimmed,
    },
    {
      id: 'type',
      title: 'TYPE',
      width: 16,
      cell: (row) => sanitizeForTerminal(row.instance_type),
      color: dimmed,
    },
    {
      id: 'shape',
      title: 'vCPU · MEMORY · GPU',
      width: 20,
      grow: !wide || rows.every((row) => row.access.allowed),
      cell: (row) => describeInstanceShape(row.info),
      color: dimmed,
    },
    {
      id: 'hourly',
      title: '$/H',
      width: 10,
      align: 'right',
      cell: (row) => formatHourly(row.hourly),
      color: dimmed,
    },
    ...(rows.some((row) => !row.access.allowed) ? [policy] : []),
  ];
}
