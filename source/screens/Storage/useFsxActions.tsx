import type { Action } from '../../app/keys/Action.js';
import { useShell } from '../../app/ShellContext.js';
import { useAppStore } from '../../app/store/useAppState.js';
import {
  createFsxFileSystem,
  deleteFsxFileSystem,
  findFsxFileSystem,
  fsxPolicyRequest,
  quotaUserLookup,
} from '../../core/fsx/fsxOperations.js';
import { formatGib } from '../../core/fsx/parseStorageAmounts.js';
import { type FsxCreatePlan, planFsxCreate } from '../../core/fsx/planFsxCreate.js';
import { regionStoragePrices } from '../../core/fsx/regionStoragePrices.js';
import { requireStoragePolicy } from '../../core/fsx/requireStoragePolicy.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { fileSystemDeletion } from './fileSystemDeletion.js';
import type { FileSystemRow } from './fileSystemRows.js';
import { FSX_CREATE_EXAMPLE, parseFsxCreateLine } from './parseFsxCreateLine.js';
import { useConfirmedChange } from './useConfirmedChange.js';
import { useTypedPrompt } from './useTypedPrompt.js';

const safe = sanitizeForTerminal;

/**
 * The storage page's FSx changes, through the same core operations as `storage create --type` and
 * `storage delete`: create from one typed line, checked and priced first, then its name typed
 * against the month's price; delete with its name typed (refused while a workstation mounts it).
 */
export function useFsxActions(options: {
  selected: FileSystemRow | undefined;
  width: number;
  reload: () => void;
}): Action[] {
  const shell = useShell();
  const store = useAppStore();
  const { selected, width, reload } = options;
  const { session } = shell;
  const confirm = useConfirmedChange(reload);
  const ask = useTypedPrompt(width);
  const region = session.info.region;

  const confirmCreate = (plan: FsxCreatePlan) => {
    const { request, monthly } = plan;
    const shape = `${request.type} ${request.deployment}, ${formatGib(request.capacity_gib)}`;
    confirm({
      title: `Create ${safe(request.name)} (${shape}) in ${region}?`,
      message: `$${monthly.total_usd.toFixed(2)} a month until deleted (${monthly.basis}).`,
      name: request.name,
      perform: () => {
        store.flash('info', `Creating ${safe(request.name)}: FSx takes several minutes`);
        return createFsxFileSystem(session.operationsContext(), region, plan);
      },
      success: (created) => `Created ${safe(created.name)} (${created.id}): launch with --fsx ${created.id}`,
      failure: `Could not create ${safe(request.name)}`,
    });
  };

  const create = () =>
    ask({
      title: `Create an FSx file system in ${region} (priced before anything is made)`,
      prompt: `${FSX_CREATE_EXAMPLE}:`,
      submit: async (typed) => {
        const parsed = parseFsxCreateLine(typed);
        if (typeof parsed === 'string') return parsed;
        const ops = session.operationsContext();
        const plan = await planFsxCreate(
          parsed,
          quotaUserLookup(ops),
          await regionStoragePrices(ops.account.storagePrices, region),
        );
        requireStoragePolicy(ops.profile.policy, ops.profile.name, fsxPolicyRequest(region, plan));
        shell.closeModal();
        confirmCreate(plan);
        return undefined;
      },
    });

  const remove = (row: FileSystemRow) =>
    confirm(
      fileSystemDeletion(
        session,
        row,
        `Every file on it is lost (no final backup); it stops costing $${row.monthly_usd?.toFixed(2) ?? '?'} a month. Refused while a workstation mounts it.`,
        {
          find: (ops) => findFsxFileSystem(ops, row.region, row.id),
          remove: (ops, fileSystem, workstations) =>
            deleteFsxFileSystem(ops, fileSystem, workstations, { force: false }),
        },
      ),
    );

  const fsx = selected && selected.kind !== 'efs' ? selected : undefined;
  return [
    { key: 'f', label: 'create FSx', mutates: true, run: create },
    {
      key: 'd',
      label: 'delete',
      dangerous: true,
      when: () => fsx !== undefined,
      run: () => fsx && remove(fsx),
    },
  ];
}
