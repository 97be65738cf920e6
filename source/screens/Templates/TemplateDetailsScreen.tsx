import { Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import type { LaunchChoices } from '../../app/session/launchChoices.js';
import { DetailsPanel, detailsLineCount } from '../../components/DetailsPanel.js';
import { resolveTemplate } from '../../core/templates/resolveTemplate.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { templateDetailsSections } from './templateDetailsSections.js';
import { type TemplateListRow, templateListRows } from './templateListRows.js';

/** One template after inheritance, in full; `l` launches it. */
export function TemplateDetailsScreen({ page, height, filter }: ScreenProps) {
  const shell = useShell();
  const { session } = shell;
  const slug = page.params.slug ?? '';
  const [row, setRow] = useState<TemplateListRow | undefined>(undefined);
  const [choices, setChoices] = useState<LaunchChoices | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [offset, setOffset] = useState(0);

  useEffect(() => {
    let cancelled = false;
    session
      .templates()
      .then(async (registry) => {
        const template = resolveTemplate(slug, registry);
        if (!cancelled) setRow(templateListRows([template], registry, session.profile.policy)[0]);
        const priced = await session.launchChoices(slug);
        if (!cancelled) setChoices(priced);
      })
      .catch((error: unknown) => !cancelled && setFailure(describeError(error).message));
    return () => {
      cancelled = true;
    };
  }, [session, slug]);

  const sections = useMemo(() => {
    const all = row ? templateDetailsSections(row, choices) : [];
    const needle = filter.toLowerCase();
    if (!needle) return all;
    return all.map((section) => ({
      ...section,
      rows: section.rows.filter(([label, value]) => `${label} ${value}`.toLowerCase().includes(needle)),
    }));
  }, [row, choices, filter]);
  const maxOffset = Math.max(0, detailsLineCount(sections) - height);
  const scroll = (delta: number) => setOffset((current) => Math.max(0, Math.min(maxOffset, current + delta)));
  useActions([
    { key: ['j', 'down'], label: 'scroll down', footer: false, run: () => scroll(1) },
    { key: ['k', 'up'], label: 'scroll up', footer: false, run: () => scroll(-1) },
    { key: ['pgdn', 'ctrl+f'], label: 'page down', footer: false, run: () => scroll(height) },
    { key: ['pgup', 'ctrl+b'], label: 'page up', footer: false, run: () => scroll(-height) },
    { key: ['g', 'home'], label: 'top', footer: false, run: () => setOffset(0) },
    { key: ['G', 'end'], label: 'bottom', footer: false, run: () => setOffset(maxOffset) },
    {
      key: 'l',
      label: 'launch',
      when: () => row?.access.allowed === true,
      run: () => shell.open('launch', { template: slug }),
    },
  ]);
  if (failure) return <Text wrap="truncate">{sanitizeForTerminal(`${slug}: ${failure}`)}</Text>;
  if (!row) return <Text>Resolving {sanitizeForTerminal(slug)}…</Text>;
  return <DetailsPanel sections={sections} height={height} offset={Math.min(offset, maxOffset)} />;
}
