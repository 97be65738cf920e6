import type { TableColumn } from '../../components/TableColumn.js';
import type { Profile } from '../../core/config/profileSchema.js';
import { formatUsd } from '../../core/cost/formatUsd.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

const WIDE_FROM = 110;
const safe = sanitizeForTerminal;

/** The profile switcher's columns: who, where, as whom, and under what budget. */
export function profileColumns(width: number): TableColumn<Profile>[] {
  const wide = width >= WIDE_FROM;
  return [
    { id: 'name', title: 'PROFILE', width: 10, grow: true, cell: (profile) => safe(profile.name) },
    { id: 'kind', title: 'KIND', width: 8, cell: (profile) => profile.kind },
    { id: 'role', title: 'ROLE', width: 6, cell: (profile) => profile.role },
    { id: 'aws', title: 'AWS PROFILE', width: wide ? 14 : 10, cell: (profile) => safe(profile.aws_profile) },
    { id: 'region', title: 'REGION', width: 10, cell: (profile) => safe(profile.region) },
    { id: 'user', title: 'USER', width: 8, cell: (profile) => safe(profile.research_user ?? '-') },
    ...(wide
      ? [
          {
            id: 'budget',
            title: 'BUDGET',
            width: 10,
            align: 'right' as const,
            cell: (profile: Profile) => (profile.budget ? formatUsd(profile.budget.monthly_limit) : '-'),
          },
          {
            id: 'store',
            title: 'TEAM STORE',
            width: 12,
            cell: (profile: Profile) => safe(profile.team_store ?? 'local'),
          },
          {
            id: 'rules',
            title: 'RULES',
            width: 5,
            align: 'right' as const,
            cell: (profile: Profile) => String(Object.keys(profile.policy).length),
          },
        ]
      : []),
  ];
}
