import { Text } from 'ink';
import { useEffect, useMemo, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import type { LaunchChoices } from '../../app/session/launchChoices.js';
import { DetailsPanel } from '../../components/DetailsPanel.js';
import { useDetailsScroll } from '../../components/useDetailsScroll.js';
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

  const all = useMemo(() => (row ? templateDetailsSections(row, choices) : []), [row, choices]);
  const { sections, offset, actions } = useDetailsScroll(all, filter, height);
  useActions([
    ...actions,
    {
      key: 'l',
      label: 'launch',
      mutates: true,
      when: () => row?.access.allowed === true,
      run: () => shell.open('launch', { template: slug }),
    },
  ]);
  if (failure) return <Text wrap="truncate">{sanitizeForTerminal(`${slug}: ${failure}`)}</Text>;
  if (!row) return <Text>Resolving {sanitizeForTerminal(slug)}…</Text>;
  return <DetailsPanel sections={sections} height={height} offset={offset} />;
}
