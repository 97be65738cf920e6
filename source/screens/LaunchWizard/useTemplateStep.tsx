import { useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { PageEntry } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { useTheme } from '../../app/ThemeContext.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import { WaitSpinner } from '../../components/WaitSpinner.js';
import { resolveAll } from '../../core/templates/resolveTemplate.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { parameterFields } from './parametersStep.js';
import {
  filterTemplateChoices,
  suggestWorkstationName,
  type TemplateChoice,
  templateChoices,
} from './templateChoices.js';
import type { WizardStepContext, WizardStepView } from './WizardStepView.js';
import { templateChoiceColumns } from './wizardColumns.js';

const templateKey = (choice: TemplateChoice) => choice.template.slug;

export interface TemplateStep extends WizardStepView {
  /** Every template on the search path, once loaded. */
  templates: TemplateChoice[];
  /** Why they could not be loaded. */
  error?: string;
}

/**
 * Step 1: the templates, searchable with `/`, the ones the policy forbids dimmed with its reason.
 * Choosing one clears the filter (it was for this list) and suggests a free workstation name.
 */
export function useTemplateStep(
  context: WizardStepContext,
  { page, filter, takenNames }: { page: PageEntry; filter: string; takenNames: ReadonlySet<string> },
): TemplateStep {
  const { state, dispatch, width, bodyHeight } = context;
  const shell = useShell();
  const theme = useTheme();
  const { session } = shell;
  const [loaded, setLoaded] = useState<{ value?: TemplateChoice[]; error?: string }>();
  const preselectedRef = useRef(false);

  useEffect(() => {
    let cancelled = false;
    session.templates().then(
      (registry) => {
        const resolved = resolveAll(registry).templates;
        if (!cancelled) setLoaded({ value: templateChoices(resolved, session.profile.policy) });
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ error: describeError(error).message });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [session]);

  const all = loaded?.value ?? [];
  const listed = useMemo(() => filterTemplateChoices(all, filter), [all, filter]);
  const cursor = useListCursor(listed.map(templateKey), bodyHeight - 2);

  const choose = (choice: TemplateChoice | undefined) => {
    if (!choice) return;
    if (!choice.access.allowed) {
      dispatch({
        type: 'refuse',
        problem: `The policy forbids ${choice.template.slug}: ${choice.access.reason ?? 'not allowed'}`,
      });
      return;
    }
    // The filter was for the template list: the next pages start unfiltered, and back on step 1
    // the cursor is on the chosen template.
    shell.clearFilter();
    cursor.select(templateKey(choice));
    dispatch({
      type: 'choose-template',
      slug: choice.template.slug,
      kind: choice.kind,
      has_sizes: Object.keys(choice.template.sizes ?? {}).length > 0,
      has_parameters: choice.kind === 'ec2' && parameterFields(choice.template).length > 0,
      name: suggestWorkstationName(choice.template.slug, takenNames),
    });
  };

  // A template named when the wizard was opened (`l` on the templates page) is chosen once loaded.
  useEffect(() => {
    if (preselectedRef.current || !loaded?.value) return;
    preselectedRef.current = true;
    const wanted = page.params.template;
    if (wanted) choose(loaded.value.find((choice) => choice.template.slug === wanted));
  });

  const highlighted = state.step === 'template' ? listed[cursor.index] : undefined;
  return {
    templates: all,
    ...(loaded?.error !== undefined ? { error: loaded.error } : {}),
    actions: [
      ...cursor.actions,
      {
        key: 'enter',
        label: 'choose',
        when: () => cursor.index !== -1,
        run: () => choose(listed[cursor.index]),
      },
    ],
    ...(highlighted
      ? {
          footer: {
            text: sanitizeForTerminal(
              highlighted.access.allowed
                ? highlighted.template.description
                : `Forbidden by the policy: ${highlighted.access.reason ?? ''}`,
            ),
            color: theme.muted,
          },
        }
      : {}),
    body: !loaded ? (
      <WaitSpinner label="Loading templates…" />
    ) : (
      <Table
        rows={listed}
        columns={templateChoiceColumns(width, theme)}
        rowKey={templateKey}
        selectedIndex={cursor.index}
        width={width}
        height={bodyHeight}
        emptyText={
          filter ? 'No template matches the filter (Esc clears it).' : 'No templates on the search path.'
        }
      />
    ),
  };
}
