import { Text } from 'ink';
import { useMemo } from 'react';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { useAppState } from '../../app/store/useAppState.js';
import { DetailsPanel } from '../../components/DetailsPanel.js';
import { useDetailsScroll } from '../../components/useDetailsScroll.js';
import { workstationDetailsSections } from './workstationDetailsSections.js';

/** Everything about one workstation: template, image, addresses, volumes, tags, progress, events. */
export function WorkstationDetailsScreen({ page, height, filter }: ScreenProps) {
  const id = page.params.id;
  const workstation = useAppState((state) => state.workstations.find((w) => w.id === id));
  const now = useAppState((state) => state.refreshedAt) ?? 0;
  const all = useMemo(
    () => (workstation ? workstationDetailsSections(workstation, now) : []),
    [workstation, now],
  );
  const { sections, offset, actions } = useDetailsScroll(all, filter, height);
  const shell = useShell();
  useActions([
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
  return <DetailsPanel sections={sections} height={height} offset={offset} />;
}
