import { Text } from 'ink';
import { useActions } from '../../app/keys/useActions.js';
import { useTheme } from '../../app/ThemeContext.js';
import { DIALOG_CHROME_ROWS, Dialog } from '../../components/Dialog.js';
import type { BudgetActionStep } from '../../core/cost/budgetActionPlan.js';
import type { BudgetAlert } from '../../core/cost/evaluateBudget.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

/** Steps listed one per line; more are summed up in one. */
const MAX_LISTED_STEPS = 5;

/** Rows the dialog takes for a plan of this many steps. */
export function budgetActionDialogHeight(steps: number): number {
  return DIALOG_CHROME_ROWS + 2 + Math.min(steps, MAX_LISTED_STEPS) + (steps > MAX_LISTED_STEPS ? 1 : 0);
}

export interface BudgetActionDialogProps {
  alert: BudgetAlert;
  steps: readonly BudgetActionStep[];
  onConfirm: () => void;
  onCancel: () => void;
}

/** What a stop or hibernate budget alert will do, workstation by workstation, before it is done. */
export function BudgetActionDialog({ alert, steps, onConfirm, onCancel }: BudgetActionDialogProps) {
  const theme = useTheme();
  useActions(
    [
      { key: 'enter', label: 'carry out', dangerous: true, run: onConfirm },
      { key: 'esc', label: 'cancel', run: onCancel },
    ],
    { layer: 'modal' },
  );
  const listed = steps.slice(0, MAX_LISTED_STEPS);
  return (
    <Dialog
      title={`Budget at ${alert.threshold}%: ${alert.action} ${steps.length} workstation(s)?`}
      height={budgetActionDialogHeight(steps.length)}
      dangerous
    >
      <Text wrap="truncate">{sanitizeForTerminal(alert.message)}</Text>
      {listed.map((step) => (
        <Text key={step.id} wrap="truncate">
          {step.action === 'hibernate' ? 'hibernate ' : 'stop      '}
          {sanitizeForTerminal(step.name)} ({sanitizeForTerminal(step.region)})
          {step.note ? <Text color={theme.warning}> {sanitizeForTerminal(step.note)}</Text> : null}
        </Text>
      ))}
      {steps.length > MAX_LISTED_STEPS ? (
        <Text wrap="truncate">and {steps.length - MAX_LISTED_STEPS} more</Text>
      ) : null}
      <Text wrap="truncate" color={theme.muted}>
        Enter carries it out · Esc cancels
      </Text>
    </Dialog>
  );
}
