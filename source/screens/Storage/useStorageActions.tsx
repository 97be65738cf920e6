import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useShell } from '../../app/ShellContext.js';
import { useAppStore } from '../../app/store/useAppState.js';
import {
  createManagedFileSystem,
  deleteManagedFileSystem,
  findManagedFileSystem,
  unmountFileSystem,
  workstationsMounting,
} from '../../core/storage/fileSystemOperations.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { fileSystemDeletion } from './fileSystemDeletion.js';
import type { FileSystemRow } from './fileSystemRows.js';
import { useConfirmedChange } from './useConfirmedChange.js';
import { useTypedPrompt } from './useTypedPrompt.js';

/**
 * The storage page's changes to EFS, each confirmed first and recorded in the audit log as the CLI
 * records it: create a file system (its name typed), delete one (its name typed again; refused
 * while a workstation mounts it), and unmount one from a workstation that mounts it (its name
 * typed). Only the app's own file systems are offered; SageMaker's Studio homes are not.
 */
export function useStorageActions(options: {
  selected: FileSystemRow | undefined;
  width: number;
  /** Lists again once a change is made. */
  reload: () => void;
}): Action[] {
  const shell = useShell();
  const store = useAppStore();
  const { selected, width, reload } = options;
  const { session } = shell;
  const confirm = useConfirmedChange(reload);
  const ask = useTypedPrompt(width);
  const safe = sanitizeForTerminal;

  const fail = (what: string, error: unknown) => {
    const { message, hint } = describeError(error);
    store.flash('error', `${what}: ${message}`, hint);
  };

  const create = () =>
    ask({
      title: `Create an EFS file system in ${session.info.region}`,
      prompt: 'Name (billed per GB stored; Enter creates it):',
      submit: async (typed) => {
        const created = await createManagedFileSystem(
          session.operationsContext(),
          session.info.region,
          typed.trim(),
        );
        shell.closeModal();
        store.flash(
          'success',
          `Created ${safe(created.name)} (${created.id}): launch with --efs ${created.id}`,
        );
        reload();
        return undefined;
      },
    });

  const remove = (row: FileSystemRow) =>
    confirm(
      fileSystemDeletion(
        session,
        row,
        'Every file on it is lost. Refused while a workstation mounts it. This cannot be undone.',
        {
          find: (ops) => findManagedFileSystem(ops, row.region, row.id, 'nothing was deleted'),
          remove: (ops, fileSystem, workstations) =>
            deleteManagedFileSystem(ops, fileSystem, workstations, false),
        },
      ),
    );

  const unmount = async (row: FileSystemRow) => {
    const ops = session.operationsContext();
    let mounting: string[];
    try {
      const fileSystem = await findManagedFileSystem(ops, row.region, row.id, 'nothing was unmounted');
      mounting = workstationsMounting(fileSystem, await session.listWorkstations()).map((w) => w.name);
    } catch (error) {
      fail(`Could not unmount ${safe(row.name)}`, error);
      return;
    }
    if (mounting.length === 0) {
      store.flash('info', `No workstation mounts ${safe(row.name)}: d deletes it`);
      return;
    }
    ask({
      title: `Unmount ${safe(row.name)} (${row.id})`,
      prompt: `Workstation (${safe(mounting.join(', '))}):`,
      submit: async (typed) => {
        const name = typed.trim();
        if (!mounting.includes(name)) return `Type one of: ${mounting.join(', ')}`;
        const workstations = await session.listWorkstations();
        const workstation = workstations.find((w) => w.name === name);
        if (!workstation) return `${name} is no longer in the account`;
        if (workstation.state !== 'running') return `${name} is ${workstation.state}: start it first`;
        const fileSystem = await findManagedFileSystem(ops, row.region, row.id, 'nothing was unmounted');
        await unmountFileSystem(ops, fileSystem, workstation, false);
        shell.closeModal();
        store.flash('success', `Unmounted ${safe(row.name)} from ${safe(name)}`);
        reload();
        return undefined;
      },
    });
  };

  // FSx rows have their own delete (useFsxActions); SageMaker's Studio homes are not the app's.
  const ours = selected?.owner === 'cws-tui' && selected.kind === 'efs' ? selected : undefined;
  return [
    { key: 'c', label: 'create EFS', mutates: true, run: create },
    {
      key: 'u',
      label: 'unmount',
      mutates: true,
      when: () => ours !== undefined,
      run: () => ours && void unmount(ours),
    },
    {
      key: 'd',
      label: 'delete',
      dangerous: true,
      when: () => ours !== undefined,
      run: () => ours && remove(ours),
    },
  ];
}
