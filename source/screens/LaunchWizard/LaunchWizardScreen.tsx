import { Box, Text } from 'ink';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { DASHBOARD_PAGE } from '../../app/pages/pageRegistry.js';
import { useShell } from '../../app/ShellContext.js';
import type { LaunchChoices } from '../../app/session/launchChoices.js';
import type { LaunchPreview } from '../../app/session/previewLaunch.js';
import { useAppState, useAppStore } from '../../app/store/useAppState.js';
import { useTheme } from '../../app/ThemeContext.js';
import { DetailsPanel, type DetailsSection, detailsLineCount } from '../../components/DetailsPanel.js';
import { Table } from '../../components/Table.js';
import { useListCursor } from '../../components/useListCursor.js';
import type { LaunchProgress } from '../../core/launch/LaunchProgress.js';
import { resolveAll } from '../../core/templates/resolveTemplate.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { type InstanceChoiceRow, instanceChoiceRows } from './instanceChoiceRows.js';
import { LaunchProgressView } from './LaunchProgressView.js';
import {
  initialWizardState,
  launchWizardReducer,
  leavesWizard,
  OPTION_TOGGLES,
  type OptionField,
  tagOfField,
  type WizardStep,
  wizardSteps,
} from './launchWizardReducer.js';
import { OptionsStepView } from './OptionsStepView.js';
import { ParametersStepView } from './ParametersStepView.js';
import { parameterFields } from './parametersStep.js';
import { parametersStepKeys } from './parametersStepKeys.js';
import { previewAllowsLaunch, reviewSections, serviceReviewSections, verdictRows } from './reviewSections.js';
import { StorageStepView } from './StorageStepView.js';
import {
  filterTemplateChoices,
  suggestWorkstationName,
  type TemplateChoice,
  templateChoices,
} from './templateChoices.js';
import { instanceChoiceColumns, templateChoiceColumns } from './wizardColumns.js';
import { wizardFailure } from './wizardFailure.js';
import { wizardLaunchRequest } from './wizardLaunchRequest.js';

const STEP_TITLES: Record<WizardStep, string> = {
  template: 'Template',
  size: 'Size',
  storage: 'Storage',
  parameters: 'Parameters',
  options: 'Name and options',
  review: 'Review',
  launching: 'Launching',
  done: 'Launched',
  failed: 'Launch failed',
};

/** The title line and the line under the page (a problem, or what Enter does). */
const CHROME_ROWS = 2;
const templateKey = (choice: TemplateChoice) => choice.template.slug;
const choiceKey = (row: InstanceChoiceRow) => row.key;

type Loaded<T> = { key: string; value: T } | { key: string; error: string };

/**
 * The launch wizard: template (searchable with `/`, forbidden ones dimmed with the reason), size,
 * storage, name and options, a review with the policy's verdict, the price and the user data, then
 * the launch itself step by step. Esc steps back and keeps every value; the launch goes through the
 * session's one pipeline.
 */
export function LaunchWizardScreen({ page, width, height, filter }: ScreenProps) {
  const shell = useShell();
  const store = useAppStore();
  const theme = useTheme();
  const { session } = shell;
  const [state, dispatch] = useReducer(launchWizardReducer, session.profile.project, (project) =>
    initialWizardState(project ? { project } : {}),
  );
  const requiredTags = session.profile.policy.required_tags ?? [];
  const workstations = useAppState((app) => app.workstations);
  const [templates, setTemplates] = useState<Loaded<TemplateChoice[]> | undefined>(undefined);
  const [choices, setChoices] = useState<Loaded<LaunchChoices> | undefined>(undefined);
  const [preview, setPreview] = useState<Loaded<LaunchPreview> | undefined>(undefined);
  const [reviewOffset, setReviewOffset] = useState(0);
  const launchingRef = useRef(false);
  const preselectedRef = useRef(false);
  const bodyHeight = Math.max(1, height - CHROME_ROWS);

  useEffect(() => {
    let cancelled = false;
    session.templates().then(
      (registry) => {
        const resolved = resolveAll(registry).templates;
        if (!cancelled)
          setTemplates({ key: 'all', value: templateChoices(resolved, session.profile.policy) });
      },
      (error: unknown) => {
        if (!cancelled) setTemplates({ key: 'all', error: describeError(error).message });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [session]);

  const slug = state.template?.slug;
  useEffect(() => {
    if (!slug) return;
    let cancelled = false;
    session.launchChoices(slug).then(
      (value) => !cancelled && setChoices({ key: slug, value }),
      (error: unknown) => !cancelled && setChoices({ key: slug, error: describeError(error).message }),
    );
    return () => {
      cancelled = true;
    };
  }, [session, slug]);

  const request = useMemo(() => wizardLaunchRequest(state), [state]);
  const requestKey = JSON.stringify(request ?? null);
  const reviewing = state.step === 'review' && state.template?.kind === 'ec2';
  useEffect(() => {
    if (!reviewing || !request) return;
    let cancelled = false;
    setReviewOffset(0);
    session.previewLaunch(request).then(
      (value) => !cancelled && setPreview({ key: requestKey, value }),
      (error: unknown) => !cancelled && setPreview({ key: requestKey, error: describeError(error).message }),
    );
    return () => {
      cancelled = true;
    };
  }, [session, reviewing, request, requestKey]);

  const allTemplates = templates && 'value' in templates ? templates.value : [];
  const listedTemplates = useMemo(() => filterTemplateChoices(allTemplates, filter), [allTemplates, filter]);
  const templateCursor = useListCursor(listedTemplates.map(templateKey), bodyHeight - 2);
  const currentChoices = choices && choices.key === slug && 'value' in choices ? choices.value : undefined;
  const sizeRows = useMemo(
    () => (currentChoices ? instanceChoiceRows(currentChoices) : []),
    [currentChoices],
  );
  const sizeCursor = useListCursor(sizeRows.map(choiceKey), bodyHeight - 2);
  const efsKeys = useMemo(
    () => ['none', ...(currentChoices?.file_systems.map((fs) => fs.id) ?? [])],
    [currentChoices],
  );
  const efsCursor = useListCursor(efsKeys, bodyHeight - 4);
  // Names of the workstations that still exist: the pipeline refuses a launch that reuses one.
  const takenNames = useMemo(
    () =>
      new Set(
        workstations
          .filter((w) => w.state !== 'terminated' && w.state !== 'shutting-down')
          .map((w) => w.name),
      ),
    [workstations],
  );

  const chooseTemplate = (choice: TemplateChoice | undefined) => {
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
    templateCursor.select(templateKey(choice));
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
    if (preselectedRef.current || !templates || !('value' in templates)) return;
    preselectedRef.current = true;
    const wanted = page.params.template;
    if (wanted) chooseTemplate(templates.value.find((choice) => choice.template.slug === wanted));
  });

  const chosenTemplate = allTemplates.find((choice) => choice.template.slug === slug)?.template;
  const chosenSize = sizeRows.find((row) =>
    state.size ? row.size === state.size : state.instance_type === row.instance_type && !row.size,
  );
  const currentPreview = preview && preview.key === requestKey ? preview : undefined;
  const previewed = currentPreview && 'value' in currentPreview ? currentPreview.value : undefined;
  const overrideReason = state.override_reason?.trim() ?? '';
  const overriding = state.override_reason !== undefined;
  // An admin may launch what the policy alone denies, with a reason the pipeline audits and tags.
  const canOverride =
    state.step === 'review' &&
    session.profile.role === 'admin' &&
    previewed !== undefined &&
    !previewed.verdict.allowed &&
    previewed.problems.length === 0 &&
    previewed.user_data_error === undefined;
  const canLaunch =
    state.step === 'review' &&
    (state.template?.kind === 'service' ||
      (previewed !== undefined && previewAllowsLaunch(previewed)) ||
      (canOverride && overrideReason !== ''));

  const launch = () => {
    const kind = state.template?.kind;
    if (!request || !kind || launchingRef.current) return;
    launchingRef.current = true;
    const launchRequest = overrideReason !== '' ? { ...request, override_reason: overrideReason } : request;
    dispatch({ type: 'launch-started' });
    const report = (progress: LaunchProgress) => dispatch({ type: 'progress', progress });
    const launched =
      kind === 'ec2'
        ? session.launch(launchRequest, report).then((result) => result.workstation)
        : session.launchService(launchRequest, report).then((result) => result.workstation);
    launched.then(
      (workstation) => {
        launchingRef.current = false;
        dispatch({ type: 'launched', id: workstation.id, name: workstation.name, state: workstation.state });
        store.flash('success', `Launched ${workstation.name}: ${workstation.state}`);
        shell.refreshNow();
      },
      (error: unknown) => {
        launchingRef.current = false;
        const failure = wizardFailure(error);
        dispatch({ type: 'launch-failed', failure });
        store.flash('error', `Launch of ${request.name} failed: ${failure.message}`, failure.hint);
        shell.refreshNow();
      },
    );
  };

  // The project always (cost reports group by it), then every tag the policy requires.
  const tagFields: OptionField[] = [...new Set(['project', ...requiredTags])].map(
    (key) => `tag:${key}` as const,
  );
  const optionFields: readonly OptionField[] =
    state.template?.kind === 'ec2' ? ['name', ...tagFields, ...OPTION_TOGGLES] : ['name', ...tagFields];
  const focusedTag = tagOfField(state.option_field);
  const typingField = state.option_field === 'name' || focusedTag !== undefined;
  const moveOption = (delta: number) => {
    const at = optionFields.indexOf(state.option_field);
    const next = optionFields[(at + delta + optionFields.length) % optionFields.length] ?? 'name';
    dispatch({ type: 'focus-option', field: next });
  };

  const sections: DetailsSection[] = useMemo(() => {
    if (state.step !== 'review' || !request || !chosenTemplate) return [];
    if (state.template?.kind === 'service') return serviceReviewSections(chosenTemplate, request, chosenSize);
    if (!currentPreview || !('value' in currentPreview)) return [];
    const fileSystem = currentChoices?.file_systems.find((fs) => fs.id === state.efs);
    return reviewSections(currentPreview.value, request, fileSystem?.name);
  }, [
    state.step,
    state.template,
    state.efs,
    request,
    chosenTemplate,
    chosenSize,
    currentPreview,
    currentChoices,
  ]);
  const maxOffset = Math.max(0, detailsLineCount(sections) - bodyHeight);
  const scroll = (delta: number) =>
    setReviewOffset((offset) => Math.max(0, Math.min(maxOffset, offset + delta)));

  const back: Action = {
    key: 'esc',
    label: 'back',
    when: () => !leavesWizard(state) && state.step !== 'launching',
    run: () => dispatch({ type: 'back' }),
  };
  const parametersStep = parametersStepKeys(state, chosenTemplate, dispatch, back);
  const stepActions = (): Action[] => {
    switch (state.step) {
      case 'parameters':
        return parametersStep.actions;
      case 'template':
        return [
          ...templateCursor.actions,
          {
            key: 'enter',
            label: 'choose',
            when: () => templateCursor.index !== -1,
            run: () => chooseTemplate(listedTemplates[templateCursor.index]),
          },
        ];
      case 'size':
        return [
          ...sizeCursor.actions,
          {
            key: 'enter',
            label: 'choose',
            when: () => sizeCursor.index !== -1,
            run: () => {
              const row = sizeRows[sizeCursor.index];
              if (!row) return;
              if (row.size) dispatch({ type: 'choose-size', size: row.size });
              else dispatch({ type: 'choose-instance-type', instance_type: row.instance_type });
            },
          },
          back,
        ];
      case 'storage':
        return [
          ...efsCursor.actions.map((action) => ({ ...action, label: `EFS ${action.label}` })),
          {
            key: 'enter',
            label: 'next',
            when: () => currentChoices !== undefined,
            run: () => {
              const id = efsCursor.selectedKey;
              dispatch({ type: 'confirm-storage', ...(id && id !== 'none' ? { file_system_id: id } : {}) });
            },
          },
          back,
        ];
      case 'options':
        return [
          { key: ['tab', 'down'], label: 'next field', run: () => moveOption(1) },
          { key: ['shift+tab', 'up'], label: 'previous field', footer: false, run: () => moveOption(-1) },
          {
            key: 'space',
            label: 'toggle',
            when: () => !typingField,
            run: () =>
              !typingField &&
              dispatch({ type: 'toggle', field: state.option_field as (typeof OPTION_TOGGLES)[number] }),
          },
          {
            key: 'ctrl+u',
            label: 'clear field',
            footer: false,
            when: () => typingField,
            run: () => dispatch({ type: 'clear-field' }),
          },
          {
            key: 'enter',
            label: 'review',
            run: () => dispatch({ type: 'confirm-options', required_tags: requiredTags }),
          },
          back,
        ];
      case 'review':
        if (overriding)
          return [
            {
              key: 'enter',
              label: 'launch, overriding',
              dangerous: true,
              when: () => canLaunch,
              run: launch,
            },
            { key: 'esc', label: 'cancel override', run: () => dispatch({ type: 'cancel-override' }) },
          ];
        return [
          { key: ['j', 'down'], label: 'scroll down', footer: false, run: () => scroll(1) },
          { key: ['k', 'up'], label: 'scroll up', footer: false, run: () => scroll(-1) },
          { key: ['pgdn', 'ctrl+f'], label: 'page down', footer: false, run: () => scroll(bodyHeight) },
          { key: ['pgup', 'ctrl+b'], label: 'page up', footer: false, run: () => scroll(-bodyHeight) },
          { key: ['g', 'home'], label: 'top', footer: false, run: () => setReviewOffset(0) },
          { key: ['G', 'end'], label: 'bottom', footer: false, run: () => setReviewOffset(maxOffset) },
          { key: 'enter', label: 'launch', dangerous: true, when: () => canLaunch, run: launch },
          {
            key: 'o',
            label: 'override (admin)',
            dangerous: true,
            when: () => canOverride,
            run: () => dispatch({ type: 'start-override' }),
          },
          back,
        ];
      case 'launching':
        return [];
      case 'done':
        return [
          {
            key: ['enter', 'esc'],
            label: 'dashboard',
            run: () => shell.open(DASHBOARD_PAGE),
          },
          {
            key: 'd',
            label: 'details',
            when: () => state.launched !== undefined,
            run: () =>
              state.launched &&
              shell.open('workstation', { id: state.launched.id, name: state.launched.name }),
          },
        ];
      case 'failed':
        return [{ key: ['enter', 'esc'], label: 'back to review', run: () => dispatch({ type: 'back' }) }];
    }
  };
  useActions(stepActions(), {
    typing:
      (state.step === 'options' && typingField) ||
      (state.step === 'review' && overriding) ||
      (state.step === 'parameters' && parametersStep.typing),
    onText: (text, keyName) => {
      if (state.step === 'parameters') return parametersStep.onText(text, keyName);
      const field =
        state.step === 'storage'
          ? 'root'
          : state.step === 'options' && state.option_field === 'name'
            ? 'name'
            : state.step === 'options' && focusedTag !== undefined
              ? 'tag'
              : state.step === 'review' && overriding
                ? 'reason'
                : '';
      if (field === '') return false;
      // Enter or Tab while they do nothing here arrive as text too: only printable text is typed.
      const printable = text.length > 0 && !/[\u0000-\u001F\u007F]/.test(text);
      if (field === 'tag' && focusedTag !== undefined) {
        if (keyName === 'backspace') dispatch({ type: 'erase-tag', key: focusedTag });
        else if (printable || keyName === 'space')
          dispatch({ type: 'type-tag', key: focusedTag, text: keyName === 'space' ? ' ' : text });
        return true;
      }
      if (keyName === 'backspace')
        dispatch({
          type: field === 'root' ? 'erase-root-volume' : field === 'name' ? 'erase-name' : 'erase-override',
        });
      else if (field === 'root' && /^\d+$/.test(text)) dispatch({ type: 'type-root-volume', text });
      else if (field === 'name' && printable) dispatch({ type: 'type-name', text });
      else if (field === 'reason' && (printable || keyName === 'space'))
        dispatch({ type: 'type-override', text: keyName === 'space' ? ' ' : text });
      // A text field keeps every printable key, so that q, j or / are typed rather than obeyed.
      return field !== 'root' || /^\d+$/.test(text) || keyName === 'backspace';
    },
  });

  const steps = wizardSteps(state.template);
  const position = steps.indexOf(state.step);
  const title = [
    'Launch',
    position === -1
      ? STEP_TITLES[state.step]
      : `step ${position + 1} of ${steps.length}: ${STEP_TITLES[state.step]}`,
    ...(slug ? [sanitizeForTerminal(slug)] : []),
    ...(state.step === 'template' && filter ? [`filter "${sanitizeForTerminal(filter)}"`] : []),
  ].join(' · ');

  const loadError =
    (templates && 'error' in templates ? `Templates could not be loaded: ${templates.error}` : undefined) ??
    (choices && choices.key === slug && 'error' in choices
      ? `Sizes could not be listed: ${choices.error}`
      : undefined);
  const footerLine = (() => {
    if (state.problem) return { text: state.problem, color: theme.danger };
    if (loadError) return { text: loadError, color: theme.danger };
    if (state.step === 'options' && takenNames.has(state.name))
      return {
        text: sanitizeForTerminal(`A workstation named ${state.name} already exists: choose another name`),
        color: theme.warning,
      };
    if (state.step === 'review' && currentPreview && 'error' in currentPreview)
      return { text: `The launch could not be checked: ${currentPreview.error}`, color: theme.danger };
    if (state.step === 'review' && state.template?.kind === 'ec2' && !currentPreview)
      return { text: 'Checking the launch as the pipeline will…', color: theme.muted };
    if (state.step === 'review' && overriding)
      return {
        text: sanitizeForTerminal(
          `Override reason (audited, tagged): ${state.override_reason ?? ''}${theme.color ? '' : '_'} · Enter launches · Esc cancels`,
        ),
        color: theme.warning,
      };
    if (state.step === 'review' && canOverride)
      return {
        text: 'The policy denies this launch · o overrides it with a reason (admin, audited) · Esc goes back',
        color: theme.danger,
      };
    if (state.step === 'review')
      return canLaunch
        ? { text: 'Enter launches · Esc goes back to change something', color: theme.success }
        : {
            text: 'This launch would be refused (see Policy and Problems) · Esc goes back',
            color: theme.danger,
          };
    const highlighted = state.step === 'template' ? listedTemplates[templateCursor.index] : undefined;
    if (highlighted)
      return {
        text: sanitizeForTerminal(
          highlighted.access.allowed
            ? highlighted.template.description
            : `Forbidden by the policy: ${highlighted.access.reason ?? ''}`,
        ),
        color: theme.muted,
      };
    if (state.step === 'launching')
      return { text: 'Launching… the steps show as they happen', color: theme.muted };
    return { text: '', color: theme.muted };
  })();

  const body = (() => {
    switch (state.step) {
      case 'template':
        return (
          <Table
            rows={listedTemplates}
            columns={templateChoiceColumns(width, theme)}
            rowKey={templateKey}
            selectedIndex={templateCursor.index}
            width={width}
            height={bodyHeight}
            emptyText={
              templates === undefined
                ? 'Loading templates…'
                : filter
                  ? 'No template matches the filter (Esc clears it).'
                  : 'No templates on the search path.'
            }
          />
        );
      case 'size':
        return (
          <Table
            rows={sizeRows}
            columns={instanceChoiceColumns()}
            rowKey={choiceKey}
            selectedIndex={sizeCursor.index}
            width={width}
            height={bodyHeight}
            marked={new Set(chosenSize ? [chosenSize.key] : [])}
            emptyText={currentChoices ? 'This template offers no sizes.' : 'Loading sizes and prices…'}
          />
        );
      case 'storage':
        return currentChoices ? (
          <StorageStepView
            choices={currentChoices}
            rootVolume={state.root_volume}
            efsIndex={Math.max(0, efsCursor.index)}
            height={bodyHeight}
          />
        ) : (
          <Text>Loading file systems…</Text>
        );
      case 'parameters':
        return <ParametersStepView state={state} fields={parametersStep.fields} />;
      case 'options':
        return <OptionsStepView state={state} fields={optionFields} requiredTags={requiredTags} />;
      case 'review':
        return (
          <DetailsPanel sections={sections} height={bodyHeight} offset={Math.min(reviewOffset, maxOffset)} />
        );
      case 'launching':
        return (
          <LaunchProgressView
            progress={state.progress}
            kind={state.template?.kind ?? 'ec2'}
            height={bodyHeight}
          />
        );
      case 'done':
        return (
          <Box flexDirection="column" height={bodyHeight}>
            <LaunchProgressView
              progress={state.progress}
              kind={state.template?.kind ?? 'ec2'}
              height={bodyHeight - 1}
            />
            <Text color={theme.success} wrap="truncate">
              {sanitizeForTerminal(
                `✓ ${state.launched?.name ?? ''} is ${state.launched?.state ?? ''} (${state.launched?.id ?? ''}). Enter: dashboard · d: details`,
              )}
            </Text>
          </Box>
        );
      case 'failed':
        return (
          <DetailsPanel
            sections={[
              {
                title: 'Launch failed',
                rows: [
                  ...(state.failure?.step ? [['At step', state.failure.step] as const] : []),
                  ['Why', sanitizeForTerminal(state.failure?.message ?? '')],
                  ...(state.failure?.hint
                    ? [['What to do', sanitizeForTerminal(state.failure.hint)] as const]
                    : []),
                ],
              },
              ...(state.failure?.verdict
                ? [{ title: 'Policy', rows: verdictRows(state.failure.verdict) }]
                : []),
            ]}
            height={bodyHeight}
            offset={0}
          />
        );
    }
  })();

  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate" color={theme.accent}>
        {title}
      </Text>
      <Box height={bodyHeight} flexDirection="column">
        {body}
      </Box>
      <Text wrap="truncate" color={footerLine.color}>
        {footerLine.text}
      </Text>
    </Box>
  );
}
