import type { TeamUserRow } from '../../app/session/teamOverview.js';
import type { Theme } from '../../app/theme.js';
import type { TableColumn } from '../../components/TableColumn.js';
import type { Budget } from '../../core/cost/Budget.js';
import { formatUsd } from '../../core/cost/formatUsd.js';
import { formatUtc } from '../../core/identity/invitationToken.js';
import type { InvitationRecord } from '../../core/team/teamInvitations.js';
import { sanitizeForTerminal as safe } from '../../core/text/sanitizeForTerminal.js';

export const TEAM_VIEWS = ['users', 'invitations', 'budgets'] as const;
export type TeamView = (typeof TEAM_VIEWS)[number];
export const TEAM_VIEW_TITLES: Record<TeamView, string> = {
  users: 'Users',
  invitations: 'Invitations',
  budgets: 'Budgets',
};

export function userColumns(width: number): TableColumn<TeamUserRow>[] {
  return [
    { id: 'name', title: 'USER', width: 10, grow: true, cell: (user) => safe(user.username) },
    { id: 'uid', title: 'UID', width: 6, align: 'right', cell: (user) => String(user.uid) },
    { id: 'email', title: 'EMAIL', width: width >= 110 ? 24 : 14, cell: (user) => safe(user.email) },
    { id: 'key', title: 'KEY', width: width >= 110 ? 20 : 12, cell: (user) => safe(user.key_fingerprint) },
    { id: 'by', title: 'CREATED BY', width: 12, cell: (user) => safe(user.created_by) },
  ];
}

export function invitationColumns(theme: Theme): TableColumn<InvitationRecord>[] {
  return [
    { id: 'id', title: 'ID', width: 10, grow: true, cell: (invitation) => safe(invitation.id) },
    { id: 'profile', title: 'PROFILE', width: 10, cell: (invitation) => safe(invitation.profile) },
    { id: 'issuer', title: 'ISSUER', width: 10, cell: (invitation) => safe(invitation.issuer) },
    {
      id: 'state',
      title: 'STATE',
      width: 8,
      cell: (invitation) => invitation.state,
      color: (invitation) =>
        invitation.state === 'open'
          ? theme.success
          : invitation.state === 'revoked'
            ? theme.danger
            : theme.muted,
    },
    {
      id: 'uses',
      title: 'USES',
      width: 5,
      align: 'right',
      cell: (invitation) => `${invitation.uses}/${invitation.uses_allowed}`,
    },
    { id: 'expires', title: 'EXPIRES', width: 20, cell: (invitation) => formatUtc(invitation.expires_at) },
  ];
}

export function budgetColumns(): TableColumn<{ scope: string; budget: Budget }>[] {
  return [
    { id: 'scope', title: 'BUDGET OF', width: 14, grow: true, cell: (row) => safe(row.scope) },
    {
      id: 'limit',
      title: 'A MONTH',
      width: 12,
      align: 'right',
      cell: (row) => formatUsd(row.budget.monthly_limit),
    },
    {
      id: 'alerts',
      title: 'ALERTS AT',
      width: 16,
      cell: (row) => row.budget.thresholds.map((threshold) => `${threshold}%`).join(' '),
    },
  ];
}
