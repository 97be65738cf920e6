import { useMemo } from 'react';
import type { LaunchChoices } from '../../app/session/launchChoices.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import { type InstanceChoiceRow, instanceChoiceRows } from './instanceChoiceRows.js';
import type { WizardStepContext, WizardStepView } from './WizardStepView.js';
import { instanceChoiceColumns } from './wizardColumns.js';

const choiceKey = (row: InstanceChoiceRow) => row.key;

export interface SizeStep extends WizardStepView {
  /** The size or type chosen so far, as its row (the review shows its shape and price). */
  chosen?: InstanceChoiceRow;
}

/** Step 2: the template's sizes, then every catalog type, each with its shape and price. */
export function useSizeStep(context: WizardStepContext, choices: LaunchChoices | undefined): SizeStep {
  const { state, dispatch, width, bodyHeight, back } = context;
  const rows = useMemo(() => (choices ? instanceChoiceRows(choices) : []), [choices]);
  const cursor = useListCursor(rows.map(choiceKey), bodyHeight - 2);
  const chosen = rows.find((row) =>
    state.size ? row.size === state.size : state.instance_type === row.instance_type && !row.size,
  );
  return {
    ...(chosen ? { chosen } : {}),
    actions: [
      ...cursor.actions,
      {
        key: 'enter',
        label: 'choose',
        when: () => cursor.index !== -1,
        run: () => {
          const row = rows[cursor.index];
          if (!row) return;
          if (row.size) dispatch({ type: 'choose-size', size: row.size });
          else dispatch({ type: 'choose-instance-type', instance_type: row.instance_type });
        },
      },
      back,
    ],
    body: (
      <Table
        rows={rows}
        columns={instanceChoiceColumns()}
        rowKey={choiceKey}
        selectedIndex={cursor.index}
        width={width}
        height={bodyHeight}
        marked={new Set(chosen ? [chosen.key] : [])}
        emptyText={choices ? 'This template offers no sizes.' : 'Loading sizes and prices…'}
      />
    ),
  };
}
