import type { TableColumn } from '../../components/TableColumn.js';
import type { CostFinding } from '../../core/cost/CostFinding.js';
import { formatUsd } from '../../core/cost/formatUsd.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

/** The findings table: the saving first (what it is sorted by), then whose it is and what is wrong. */
export function findingColumns(): TableColumn<CostFinding>[] {
  return [
    {
      id: 'saving',
      title: 'SAVE/MO',
      width: 10,
      align: 'right',
      cell: (row) => (row.monthly_saving_usd === undefined ? '?' : formatUsd(row.monthly_saving_usd)),
    },
    { id: 'service', title: 'SERVICE', width: 9, priority: 2, cell: (row) => row.service },
    {
      id: 'resource',
      title: 'RESOURCE',
      width: 24,
      priority: 3,
      cell: (row) => sanitizeForTerminal(row.resource),
    },
    { id: 'what', title: 'FINDING', width: 20, grow: true, cell: (row) => sanitizeForTerminal(row.what) },
  ];
}

/** A row's key: one resource can have several findings, one per kind. */
export const findingKey = (row: CostFinding) => `${row.resource}/${row.kind}`;
