import type { Shell } from '../../app/ShellContext.js';
import { ColumnChooser, columnChooserHeight } from '../../components/ColumnChooser.js';
import { CONFIRM_DIALOG_HEIGHT, ConfirmDialog } from '../../components/ConfirmDialog.js';
import type { TableColumn } from '../../components/TableColumn.js';
import type { Workstation } from '../../core/workstations/Workstation.js';

/** Terminate asks for the name typed (or the count, for several), saying what is deleted. */
export function showTerminateDialog(
  shell: Shell,
  name: string,
  list: readonly Workstation[],
  go: () => void,
): void {
  shell.showModal({
    height: CONFIRM_DIALOG_HEIGHT,
    node: (
      <ConfirmDialog
        title={`Terminate ${name}?`}
        message={
          list.every((w) => w.kind === 'ec2')
            ? 'Terminating deletes the instance and its root volume. This cannot be undone.'
            : 'Terminating deletes the service and what runs in it (a SageMaker space and its apps). This cannot be undone.'
        }
        confirmText={name}
        onCancel={shell.closeModal}
        onConfirm={() => {
          shell.closeModal();
          go();
        }}
      />
    ),
  });
}

/** `C`: which of the dashboard's columns show; drawn again after each change, so it shows what is hidden. */
export function showColumnChooser(
  shell: Shell,
  columns: readonly TableColumn<Workstation>[],
  hidden: ReadonlySet<string>,
  setHidden: (hidden: ReadonlySet<string>) => void,
): void {
  const choosable = columns.map((column) => ({
    id: column.id,
    title: column.title,
    fixed: column.id === 'name',
  }));
  shell.showModal({
    height: columnChooserHeight(choosable),
    node: (
      <ColumnChooser
        columns={choosable}
        hidden={hidden}
        onClose={shell.closeModal}
        onToggle={(id) => {
          const next = new Set(hidden);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          setHidden(next);
          showColumnChooser(shell, columns, next, setHidden);
        }}
      />
    ),
  });
}
