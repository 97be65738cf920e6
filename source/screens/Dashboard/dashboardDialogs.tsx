import type { Shell } from '../../app/ShellContext.js';
import { ColumnChooser, columnChooserHeight } from '../../components/ColumnChooser.js';
import { CONFIRM_DIALOG_HEIGHT, ConfirmDialog } from '../../components/ConfirmDialog.js';
import type { TableColumn } from '../../components/TableColumn.js';
import type { Workstation } from '../../core/workstations/Workstation.js';

/**
 * Terminate asks for the name typed (or the count, for several), saying what is deleted. An HPC
 * cluster among them is deleted only with its own name typed, as `hpc delete` asks: a count would
 * take a whole cluster, its nodes and its storage with it.
 */
export function showTerminateDialog(
  shell: Shell,
  name: string,
  list: readonly Workstation[],
  go: () => void,
): void {
  const clusters = list.filter((w) => w.kind === 'hpc-cluster').map((w) => w.name);
  const message = list.every((w) => w.kind === 'ec2')
    ? 'Terminating deletes the instance and its root volume. This cannot be undone.'
    : clusters.length > 0
      ? 'Deleting a cluster deletes its head and compute nodes and the storage ParallelCluster made for it. This cannot be undone.'
      : 'Terminating deletes the service and what runs in it (a SageMaker space and its apps). This cannot be undone.';
  shell.showModal({
    height: CONFIRM_DIALOG_HEIGHT,
    node: (
      <ConfirmDialog
        title={`Terminate ${name}?`}
        message={message}
        confirmText={clusters.length > 0 ? clusters.join(' ') : name}
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
