import { Box, Text } from 'ink';
import { useMemo, useReducer } from 'react';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { useAppState } from '../../app/store/useAppState.js';
import { useTheme } from '../../app/ThemeContext.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { WizardStep } from './LaunchWizardState.js';
import { initialWizardState, launchWizardReducer, leavesWizard, wizardSteps } from './launchWizardReducer.js';
import { useOptionsStep } from './useOptionsStep.js';
import { useOutcomeSteps } from './useOutcomeSteps.js';
import { useParametersStep } from './useParametersStep.js';
import { useReviewStep } from './useReviewStep.js';
import { useSizeStep } from './useSizeStep.js';
import { useStorageStep } from './useStorageStep.js';
import { useTemplateStep } from './useTemplateStep.js';
import { useWizardChoices } from './useWizardChoices.js';
import type { WizardFooterLine, WizardStepContext, WizardStepView } from './WizardStepView.js';
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

/**
 * The launch wizard's step controller: template (searchable with `/`, forbidden ones dimmed with
 * the reason), size, storage, name and options, a review with the policy's verdict, the price and
 * the user data, then the launch itself step by step. Each step lives in its own hook (use*Step);
 * this keeps the state, the title and the line under the page, and routes keys to the current step.
 * Esc steps back and keeps every value; the launch goes through the session's one pipeline.
 */
export function LaunchWizardScreen({ page, width, height, filter }: ScreenProps) {
  const { session } = useShell();
  const theme = useTheme();
  const [state, dispatch] = useReducer(launchWizardReducer, session.profile.project, (project) =>
    initialWizardState(project ? { project } : {}),
  );
  const requiredTags = session.profile.policy.required_tags ?? [];
  const workstations = useAppState((app) => app.workstations);
  const bodyHeight = Math.max(1, height - CHROME_ROWS);
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
  const slug = state.template?.slug;
  const loaded = useWizardChoices(session, slug);
  const request = useMemo(() => wizardLaunchRequest(state), [state]);

  const back: Action = {
    key: 'esc',
    label: 'back',
    when: () => !leavesWizard(state) && state.step !== 'launching',
    run: () => dispatch({ type: 'back' }),
  };
  const context: WizardStepContext = { state, dispatch, width, bodyHeight, back };
  const template = useTemplateStep(context, { page, filter, takenNames });
  const size = useSizeStep(context, loaded.choices);
  const chosenTemplate = template.templates.find((choice) => choice.template.slug === slug)?.template;
  const steps: Record<WizardStep, WizardStepView> = {
    template,
    size,
    storage: useStorageStep(context, loaded),
    parameters: useParametersStep(context, chosenTemplate),
    options: useOptionsStep(context, { requiredTags, takenNames }),
    review: useReviewStep(context, {
      request,
      template: chosenTemplate,
      choices: loaded.choices,
      chosenSize: size.chosen,
    }),
    ...useOutcomeSteps(context),
  };
  const current = steps[state.step];
  useActions(current.actions, {
    typing: current.typing === true,
    onText: (text, keyName) => current.onText?.(text, keyName) ?? false,
  });

  const order = wizardSteps(state.template);
  const position = order.indexOf(state.step);
  const title = [
    'Launch',
    position === -1
      ? STEP_TITLES[state.step]
      : `step ${position + 1} of ${order.length}: ${STEP_TITLES[state.step]}`,
    ...(slug ? [sanitizeForTerminal(slug)] : []),
    ...(state.step === 'template' && filter ? [`filter "${sanitizeForTerminal(filter)}"`] : []),
  ].join(' · ');

  const loadError =
    (template.error !== undefined ? `Templates could not be loaded: ${template.error}` : undefined) ??
    (loaded.error !== undefined ? `Sizes could not be listed: ${loaded.error}` : undefined);
  const footer: WizardFooterLine = state.problem
    ? { text: state.problem, color: theme.danger }
    : loadError
      ? { text: loadError, color: theme.danger }
      : (current.footer ?? { text: '', color: theme.muted });

  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate" color={theme.accent}>
        {title}
      </Text>
      <Box height={bodyHeight} flexDirection="column">
        {current.body}
      </Box>
      <Text wrap="truncate" color={footer.color}>
        {footer.text}
      </Text>
    </Box>
  );
}
