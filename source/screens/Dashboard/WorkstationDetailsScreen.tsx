import { Text } from 'ink';
import { useMemo } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { useAppState, useAppStore } from '../../app/store/useAppState.js';
import { DetailsPanel } from '../../components/DetailsPanel.js';
import { useDetailsScroll } from '../../components/useDetailsScroll.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { CONNECT_DIALOG_HEIGHT, ConnectDialog } from './ConnectDialog.js';
import { workstationDetailsSections } from './workstationDetailsSections.js';

/**
 * Everything about one workstation: template, image, addresses, volumes, tags, progress, events;
 * and what the dashboard does to it (connect, start, stop), without going back to it.
 */
export function WorkstationDetailsScreen({ page, width, height, filter }: ScreenProps) {
  const shell = useShell();
  const store = useAppStore();
  const id = page.params.id;
  const workstation = useAppState((state) => state.workstations.find((w) => w.id === id));
  const now = useAppState((state) => state.refreshedAt) ?? 0;
  const all = useMemo(
    () => (workstation ? workstationDetailsSections(workstation, now) : []),
    [workstation, now],
  );
  const { sections, offset, actions } = useDetailsScroll(all, filter, height, width);
  const act = (verb: string, run: (w: Workstation) => Promise<void>) => () => {
    if (!workstation) return;
    const name = sanitizeForTerminal(workstation.name);
    run(workstation).then(
      () => {
        store.flash('success', `${verb} ${name}`);
        shell.refreshNow();
      },
      (error: unknown) => {
        const { message, hint } = describeError(error);
        store.flash('error', `${verb} ${name}: ${message}`, hint);
      },
    );
  };
  const rowActions: Action[] = [
    {
      key: 'c',
      label: 'connect',
      when: () => workstation !== undefined,
      run: () =>
        workstation &&
        shell.showModal({
          height: CONNECT_DIALOG_HEIGHT,
          node: <ConnectDialog workstation={workstation} onClose={shell.closeModal} />,
        }),
    },
    {
      key: 's',
      label: 'start',
      mutates: true,
      when: () => workstation?.state === 'stopped',
      run: act('Starting', (w) => shell.session.startWorkstation(w)),
    },
    {
      key: 'S',
      label: 'stop',
      mutates: true,
      when: () => workstation?.state === 'running',
      run: act('Stopping', (w) => shell.session.stopWorkstation(w, { hibernate: false })),
    },
  ];
  useActions([
    ...rowActions,
    ...actions,
    {
      key: 'o',
      label: 'logs, volumes, snapshots, idle, exec',
      when: () => workstation?.kind === 'ec2',
      run: () => shell.open('workstation-ops', { id: id ?? '', name: workstation?.name ?? id ?? '' }),
    },
  ]);
  if (!workstation) {
    return (
      <Text wrap="truncate">{id} is no longer in the account (terminated and gone). Esc goes back.</Text>
    );
  }
  return <DetailsPanel sections={sections} height={height} offset={offset} width={width} />;
}
