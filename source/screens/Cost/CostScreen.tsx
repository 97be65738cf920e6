import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { useAppState, useAppStore } from '../../app/store/useAppState.js';
import { useTheme } from '../../app/ThemeContext.js';
import { Sparkline } from '../../components/Sparkline.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import { wrapText } from '../../components/wrapText.js';
import type { CostReportItem } from '../../core/cost/costReport.js';
import { costReportForRegion } from '../../core/cost/costReportForRegion.js';
import type { BudgetAlert } from '../../core/cost/evaluateBudget.js';
import { formatUsd, formatUsdPerHour } from '../../core/cost/formatUsd.js';
import { roundCostReport } from '../../core/cost/roundCostReport.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { applyBudgetActions, describeBudgetActionOutcome } from './applyBudgetActions.js';
import { BudgetActionDialog, budgetActionDialogHeight } from './BudgetActionDialog.js';
import { budgetBar } from './budgetBar.js';
import { CostFindingsTable, findingsFooterRows } from './CostFindingsTable.js';
import { itemColumns, serviceColumns } from './costColumns.js';
import { findingKey } from './findingColumns.js';
import { RightsizeSavings } from './RightsizeSavings.js';
import { type ServiceSpend, spendByService } from './spendByService.js';
import { describeFindings, useCostFindings } from './useCostFindings.js';

/** Totals, budget, the last days, rightsizing, and the view/alert line above the table. */
const SUMMARY_ROWS = 5;

type CostView = 'workstation' | 'service' | 'findings';
/** `v` steps through the views in this order. */
const NEXT_VIEW: Record<CostView, CostView> = {
  workstation: 'service',
  service: 'findings',
  findings: 'workstation',
};
const VIEW_LABEL: Record<CostView, string> = {
  workstation: 'per workstation',
  service: 'per service',
  findings: 'findings',
};

const itemKey = (item: CostReportItem) => item.id;
const serviceKey = (row: ServiceSpend) => row.service;

/** The latest alert that acts on workstations: the one the plan is offered for. */
function actingAlert(alerts: readonly BudgetAlert[]): BudgetAlert | undefined {
  return alerts.findLast((alert) => alert.action === 'stop' || alert.action === 'hibernate');
}

function matches(item: CostReportItem, filter: string): boolean {
  const needle = filter.toLowerCase();
  return [item.name, item.state, item.region, item.instance_type ?? 'efs'].some((text) =>
    text.toLowerCase().includes(needle),
  );
}

/**
 * The cost panel: burn rate, today, month to date and the projection against the budget, the last
 * two weeks, and spend per workstation or per service, all from the store's one cost report.
 */
export function CostScreen({ width, height, filter }: ScreenProps) {
  const shell = useShell();
  const store = useAppStore();
  const theme = useTheme();
  const loaded = useAppState((state) => state.cost);
  const costError = useAppState((state) => state.costError);
  const alerts = useAppState((state) => state.budgetAlerts) ?? [];
  const region = useAppState((state) => state.region);
  const [view, setView] = useState<CostView>('workstation');
  const [generation, setGeneration] = useState(0);
  const findingsState = useCostFindings(shell.session, view === 'findings', generation);
  const findings = useMemo(() => {
    const all = findingsState.status === 'loaded' ? findingsState.result.findings : [];
    const needle = filter.toLowerCase();
    return all.filter((f) =>
      [f.service, f.resource, f.what].some((text) => text.toLowerCase().includes(needle)),
    );
  }, [findingsState, filter]);
  // Lines rounded so that each column adds up to the total above it; `:region` keeps one region's.
  const report = useMemo(
    () => (loaded ? costReportForRegion(roundCostReport(loaded.report), region) : undefined),
    [loaded, region],
  );

  const items = useMemo(
    () => (report?.items ?? []).filter((item) => filter === '' || matches(item, filter)),
    [report, filter],
  );
  const services = useMemo(() => spendByService(report?.items ?? []), [report]);
  const keys = useMemo(
    () =>
      view === 'workstation'
        ? items.map(itemKey)
        : view === 'service'
          ? services.map(serviceKey)
          : findings.map(findingKey),
    [view, items, services, findings],
  );
  // The latest alert is read whole: wrapped under the summary, at most three rows.
  const latestAlertText = alerts.at(-1);
  const alertRows = latestAlertText
    ? wrapText(`${alerts.length} alert(s): ${sanitizeForTerminal(latestAlertText.message)}`, width).slice(
        0,
        3,
      )
    : [];
  const findingRows = view === 'findings' ? findingsFooterRows(findingsState) : 0;
  const tableHeight = Math.max(2, height - SUMMARY_ROWS - alertRows.length - findingRows);
  const cursor = useListCursor(keys, tableHeight - 2);
  const itemCols = useMemo(() => itemColumns(width, theme), [width, theme]);
  const serviceCols = useMemo(() => serviceColumns(), []);
  const acting = actingAlert(alerts);

  const reviewPlan = (alert: BudgetAlert) => {
    shell.session.budgetActionPlan(alert).then(
      (steps) => {
        if (steps.length === 0) {
          store.flash('info', `No running workstation to ${alert.action}.`);
          return;
        }
        shell.showModal({
          height: budgetActionDialogHeight(steps.length),
          node: (
            <BudgetActionDialog
              alert={alert}
              steps={steps}
              onCancel={shell.closeModal}
              onConfirm={() => {
                shell.closeModal();
                void applyBudgetActions(shell.session, steps).then((outcome) => {
                  store.flash(
                    outcome.failed.length > 0 ? 'error' : 'success',
                    describeBudgetActionOutcome(outcome),
                  );
                  if (outcome.failed.length === 0) acknowledge();
                  shell.refreshNow();
                });
              }}
            />
          ),
        });
      },
      (error: unknown) => {
        const { message, hint } = describeError(error);
        store.flash('error', `Could not plan the budget action: ${message}`, hint);
      },
    );
  };

  // Seen: gone from the panel, and from the alert record, so a restart does not show them again.
  const acknowledge = () => {
    store.dismissBudgetAlerts();
    shell.session.acknowledgeBudgetAlerts().catch((error: unknown) => {
      store.flash('error', `Could not record the alerts as seen: ${describeError(error).message}`);
    });
  };
  const actions: Action[] = [
    ...cursor.actions,
    {
      key: 'v',
      label: VIEW_LABEL[NEXT_VIEW[view]],
      run: () => setView(NEXT_VIEW[view]),
    },
    {
      key: 'x',
      label: `${acting?.action ?? 'act'} (budget)`,
      dangerous: true,
      when: () => acting !== undefined,
      run: () => acting && reviewPlan(acting),
    },
    {
      key: 'd',
      label: 'dismiss alerts',
      when: () => alerts.length > 0,
      run: acknowledge,
    },
    {
      key: 'r',
      label: 'refresh',
      footer: false,
      run: () => {
        shell.refreshNow();
        if (view === 'findings') setGeneration((n) => n + 1);
      },
    },
  ];
  useActions(actions);

  if (!report) {
    return (
      <Box flexDirection="column" height={height}>
        <Text wrap="truncate" color={costError ? theme.danger : undefined}>
          {costError ? `The cost report failed: ${costError}` : 'Loading the cost report…'}
        </Text>
        {costError ? <Text wrap="truncate">Press r to try again.</Text> : null}
      </Box>
    );
  }

  const budget = report.budget;
  const barWidth = Math.max(10, Math.min(30, width - 52));
  const budgetColor =
    budget?.level === 'exceeded' ? theme.danger : budget?.level === 'warning' ? theme.warning : theme.success;
  const latestAlert = alerts.at(-1);
  const inRegion = region ? ` in ${region}` : '';
  const viewLine =
    view === 'findings'
      ? describeFindings(findingsState)
      : `${view === 'workstation' ? 'Per workstation' : 'Per service'}${inRegion}`;
  // Only the lines and their totals follow `:region`; the history and the budget are the account's.
  const accountWide = region ? ' (all regions)' : '';
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        <Text bold>
          {region ? `${region}: ` : ''}Burn {formatUsdPerHour(report.burn_rate_per_hour)}
        </Text>{' '}
        · today {formatUsd(report.today)} · month to date {formatUsd(report.month_to_date)} · projected{' '}
        {formatUsd(report.projected_month)}
        <Text color={theme.muted}> (estimates)</Text>
      </Text>
      {budget ? (
        <Text wrap="truncate">
          Budget{accountWide} {formatUsd(budget.monthly_limit)}{' '}
          <Text color={budgetColor}>
            {budgetBar(budget.spent, budget.projected, budget.monthly_limit, barWidth)}
          </Text>{' '}
          {Math.round(budget.percent_used)}% used · {Math.round(budget.projected_percent)}% projected
          {budget.blocks_launch ? <Text color={theme.danger}> · launches blocked</Text> : null}
        </Text>
      ) : (
        <Text wrap="truncate" color={theme.muted}>
          No budget on this profile.
        </Text>
      )}
      <Text wrap="truncate">
        Last {report.daily.length} days{accountWide}{' '}
        <Sparkline values={report.daily.map((day) => day.amount)} /> · saved{inRegion} by stopping and
        hibernating {formatUsd(report.saved_this_month)}
      </Text>
      <RightsizeSavings session={shell.session} />
      {alertRows.map((row, index) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: the alert's wrapped rows
          key={`alert-${index}`}
          wrap="truncate"
          color={latestAlert?.action === 'warn' ? theme.warning : theme.danger}
        >
          {row}
        </Text>
      ))}
      <Text wrap="truncate" bold>
        {viewLine}
      </Text>
      {view === 'workstation' ? (
        <Table
          rows={items}
          columns={itemCols}
          rowKey={itemKey}
          selectedIndex={cursor.index}
          width={width}
          height={tableHeight}
          emptyText={
            filter
              ? 'No resource matches the filter (Esc clears it).'
              : region
                ? `Nothing in ${region}: :region shows another or all.`
                : 'No managed resources cost anything yet.'
          }
        />
      ) : view === 'findings' ? (
        <CostFindingsTable
          state={findingsState}
          findings={findings}
          selectedIndex={cursor.index}
          width={width}
          height={tableHeight}
          filtered={filter !== ''}
        />
      ) : (
        <Table
          rows={services}
          columns={serviceCols}
          rowKey={serviceKey}
          selectedIndex={cursor.index}
          width={width}
          height={tableHeight}
          emptyText="No managed resources cost anything yet."
        />
      )}
    </Box>
  );
}
