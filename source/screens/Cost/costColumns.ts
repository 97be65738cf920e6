import type { Theme } from '../../app/theme.js';
import type { TableColumn } from '../../components/TableColumn.js';
import type { CostReportItem } from '../../core/cost/costReport.js';
import { formatUsd, formatUsdPerHour } from '../../core/cost/formatUsd.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { ServiceSpend } from './spendByService.js';

/** From this width the type and region columns fit as well. */
const WIDE_FROM = 110;

interface Figures {
  rate_per_hour: number;
  today: number;
  month_to_date: number;
  projected_month: number;
  saved_this_month: number;
}

function figureColumns<Row extends Figures>(): TableColumn<Row>[] {
  const amount = (id: keyof Figures, title: string, width: number): TableColumn<Row> => ({
    id,
    title,
    width,
    align: 'right',
    cell: (row) => (id === 'rate_per_hour' ? formatUsdPerHour(row[id]) : formatUsd(row[id])),
  });
  return [
    amount('rate_per_hour', '$/H', 10),
    amount('today', 'TODAY', 9),
    amount('month_to_date', 'MONTH', 10),
    amount('projected_month', 'PROJECTED', 10),
    amount('saved_this_month', 'SAVED', 9),
  ];
}

/** The per-workstation table: one line per resource of the cost report. */
export function itemColumns(width: number, theme: Theme): TableColumn<CostReportItem>[] {
  const wide = width >= WIDE_FROM;
  return [
    { id: 'name', title: 'NAME', width: 10, grow: true, cell: (item) => sanitizeForTerminal(item.name) },
    {
      id: 'state',
      title: 'STATE',
      width: wide ? 11 : 8,
      cell: (item) => item.state,
      color: (item) =>
        item.state === 'available' || item.state === 'hibernated'
          ? theme.accent
          : theme.state(item.state, false),
    },
    ...(wide
      ? [
          {
            id: 'type',
            title: 'TYPE',
            width: 11,
            cell: (item: CostReportItem) => sanitizeForTerminal(item.instance_type ?? 'EFS'),
          },
          {
            id: 'region',
            title: 'REGION',
            width: 10,
            cell: (item: CostReportItem) => sanitizeForTerminal(item.region),
          },
        ]
      : []),
    ...figureColumns<CostReportItem>(),
  ];
}

/** The per-service table: the report's lines summed per AWS service. */
export function serviceColumns(): TableColumn<ServiceSpend>[] {
  return [
    { id: 'service', title: 'SERVICE', width: 10, grow: true, cell: (row) => row.service },
    { id: 'resources', title: 'COUNT', width: 5, align: 'right', cell: (row) => String(row.resources) },
    ...figureColumns<ServiceSpend>(),
  ];
}
