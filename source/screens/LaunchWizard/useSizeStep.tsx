import { useMemo } from 'react';
import { useShell } from '../../app/ShellContext.js';
import type { LaunchChoices } from '../../app/session/launchChoices.js';
import { useTheme } from '../../app/ThemeContext.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import { WaitSpinner } from '../../components/WaitSpinner.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { type InstanceChoiceRow, instanceChoiceRows } from './instanceChoiceRows.js';
import type { WizardStepContext, WizardStepView } from './WizardStepView.js';
import { instanceChoiceColumns } from './wizardColumns.js';

const choiceKey = (row: InstanceChoiceRow) => row.key;

export interface SizeStep extends WizardStepView {
  /** The size or type chosen so far, as its row (the review shows its shape and price). */
  chosen?: InstanceChoiceRow;
}

/**
 * Step 2: the template's sizes, then every catalog type, each with its shape and price; those the
 * policy forbids are dimmed with the rule, and the line under the page says it for the highlighted one.
 */
export function useSizeStep(context: WizardStepContext, choices: LaunchChoices | undefined): SizeStep {
  const { state, dispatch, width, bodyHeight, back } = context;
  const { session } = useShell();
  const theme = useTheme();
  const { policy } = session.profile;
  const rows = useMemo(() => (choices ? instanceChoiceRows(choices, policy) : []), [choices, policy]);
  const cursor = useListCursor(rows.map(choiceKey), bodyHeight - 2);
  const chosen = rows.find((row) =>
    state.size ? row.size === state.size : state.instance_type === row.instance_type && !row.size,
  );
  const highlighted = state.step === 'size' ? rows[cursor.index] : undefined;
  return {
    ...(chosen ? { chosen } : {}),
    ...(highlighted && !highlighted.access.allowed
      ? {
          footer: {
            text: sanitizeForTerminal(`Forbidden by the policy: ${highlighted.access.reason ?? ''}`),
            color: theme.warning,
          },
        }
      : {}),
    actions: [
      ...cursor.actions,
      {
        key: 'enter',
        label: 'choose',
        when: () => cursor.index !== -1,
        run: () => {
          const row = rows[cursor.index];
          if (!row) return;
          // A member cannot launch it; an admin may go on to the review and override with a reason.
          if (!row.access.allowed && session.profile.role !== 'admin') {
            dispatch({
              type: 'refuse',
              problem: `The policy forbids ${row.instance_type}: ${row.access.reason ?? 'not allowed'}`,
            });
            return;
          }
          if (row.size) dispatch({ type: 'choose-size', size: row.size });
          else dispatch({ type: 'choose-instance-type', instance_type: row.instance_type });
        },
      },
      back,
    ],
    body: !choices ? (
      <WaitSpinner label="Loading sizes and prices…" />
    ) : (
      <Table
        rows={rows}
        columns={instanceChoiceColumns(rows, width, theme)}
        rowKey={choiceKey}
        selectedIndex={cursor.index}
        width={width}
        height={bodyHeight}
        marked={new Set(chosen ? [chosen.key] : [])}
        emptyText="This template offers no sizes."
      />
    ),
  };
}
