import { Text } from 'ink';
import { useMemo, useState } from 'react';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useAppState } from '../../app/store/useAppState.js';
import { DetailsPanel, detailsLineCount } from '../../components/DetailsPanel.js';
import { workstationDetailsSections } from './workstationDetailsSections.js';

/** Everything about one workstation: template, image, addresses, volumes, tags, progress, events. */
export function WorkstationDetailsScreen({ page, height, filter }: ScreenProps) {
  const id = page.params.id;
  const workstation = useAppState((state) => state.workstations.find((w) => w.id === id));
  const now = useAppState((state) => state.refreshedAt) ?? 0;
  const [offset, setOffset] = useState(0);
  const sections = useMemo(() => {
    const all = workstation ? workstationDetailsSections(workstation, now) : [];
    const needle = filter.toLowerCase();
    if (!needle) return all;
    return all.map((section) => ({
      ...section,
      rows: section.rows.filter(([label, value]) => `${label} ${value}`.toLowerCase().includes(needle)),
    }));
  }, [workstation, now, filter]);
  const maxOffset = Math.max(0, detailsLineCount(sections) - height);
  const scroll = (delta: number) => setOffset((current) => Math.max(0, Math.min(maxOffset, current + delta)));
  useActions([
    { key: ['j', 'down'], label: 'scroll down', footer: false, run: () => scroll(1) },
    { key: ['k', 'up'], label: 'scroll up', footer: false, run: () => scroll(-1) },
    { key: ['pgdn', 'ctrl+f'], label: 'page down', footer: false, run: () => scroll(height) },
    { key: ['pgup', 'ctrl+b'], label: 'page up', footer: false, run: () => scroll(-height) },
    { key: ['g', 'home'], label: 'top', footer: false, run: () => setOffset(0) },
    { key: ['G', 'end'], label: 'bottom', footer: false, run: () => setOffset(maxOffset) },
  ]);
  if (!workstation) {
    return (
      <Text wrap="truncate">{id} is no longer in the account (terminated and gone). Esc goes back.</Text>
    );
  }
  return <DetailsPanel sections={sections} height={height} offset={Math.min(offset, maxOffset)} />;
}
