import type { TableColumn } from '../../components/TableColumn.js';
import type { Profile } from '../../core/config/profileSchema.js';
import { formatUsd } from '../../core/cost/formatUsd.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

const WIDE_FROM = 110;
const safe = sanitizeForTerminal;

/** A row of the profiles tab: a profile of the config, or the demo account (no profile). */
export interface ProfileRow {
  name: string;
  profile?: Profile;
}

/** The profiles tab's columns: who, where, as whom, and under what budget. */
export function profileColumns(width: number): TableColumn<ProfileRow>[] {
  const wide = width >= WIDE_FROM;
  const of = (value: (profile: Profile) => string) => (row: ProfileRow) =>
    row.profile ? value(row.profile) : '-';
  return [
    { id: 'name', title: 'PROFILE', width: 10, grow: true, cell: (row) => safe(row.name) },
    { id: 'kind', title: 'KIND', width: 8, cell: (row) => (row.profile ? row.profile.kind : 'demo') },
    { id: 'role', title: 'ROLE', width: 6, cell: of((profile) => profile.role) },
    {
      id: 'aws',
      title: 'AWS PROFILE',
      width: wide ? 14 : 10,
      cell: of((profile) => safe(profile.aws_profile)),
    },
    { id: 'region', title: 'REGION', width: 10, cell: of((profile) => safe(profile.region)) },
    { id: 'user', title: 'USER', width: 8, cell: of((profile) => safe(profile.research_user ?? '-')) },
    ...(wide
      ? [
          {
            id: 'budget',
            title: 'BUDGET',
            width: 10,
            align: 'right' as const,
            cell: of((profile) => (profile.budget ? formatUsd(profile.budget.monthly_limit) : '-')),
          },
          {
            id: 'store',
            title: 'TEAM STORE',
            width: 12,
            cell: of((profile) => safe(profile.team_store ?? 'local')),
          },
          {
            id: 'rules',
            title: 'RULES',
            width: 5,
            align: 'right' as const,
            cell: of((profile) => String(Object.keys(profile.policy).length)),
          },
        ]
      : []),
  ];
}
