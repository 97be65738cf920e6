import { useEffect, useMemo, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useShell } from '../../app/ShellContext.js';
import type { LaunchChoices } from '../../app/session/launchChoices.js';
import type { LaunchPreview } from '../../app/session/previewLaunch.js';
import { useTheme } from '../../app/ThemeContext.js';
import { DetailsPanel, type DetailsSection, detailsLineCount } from '../../components/DetailsPanel.js';
import { WaitSpinner } from '../../components/WaitSpinner.js';
import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { InstanceChoiceRow } from './instanceChoiceRows.js';
import { previewAllowsLaunch, reviewSections, serviceReviewSections } from './reviewSections.js';
import { useWizardLaunch } from './useWizardLaunch.js';
import type { WizardFooterLine, WizardStepContext, WizardStepView } from './WizardStepView.js';

type Loaded<T> = { key: string; value: T } | { key: string; error: string };

export interface ReviewInputs {
  request: LaunchRequest | undefined;
  template: ResolvedTemplate | undefined;
  choices: LaunchChoices | undefined;
  chosenSize: InstanceChoiceRow | undefined;
}

/**
 * The review: what the pipeline will decide (policy, price, problems, the boot script), checked by
 * the pipeline's own functions; Enter launches, and an admin may override a policy denial with an
 * audited reason.
 */
export function useReviewStep(
  context: WizardStepContext,
  { request, template, choices, chosenSize }: ReviewInputs,
): WizardStepView {
  const { state, dispatch, bodyHeight, back } = context;
  const { session } = useShell();
  const theme = useTheme();
  const launch = useWizardLaunch(dispatch);
  const [preview, setPreview] = useState<Loaded<LaunchPreview> | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const requestKey = JSON.stringify(request ?? null);
  const reviewing = state.step === 'review' && state.template?.kind === 'ec2';
  useEffect(() => {
    if (!reviewing || !request) return;
    let cancelled = false;
    setOffset(0);
    session.previewLaunch(request).then(
      (value) => !cancelled && setPreview({ key: requestKey, value }),
      (error: unknown) => !cancelled && setPreview({ key: requestKey, error: describeError(error).message }),
    );
    return () => {
      cancelled = true;
    };
  }, [session, reviewing, request, requestKey]);

  const current = preview && preview.key === requestKey ? preview : undefined;
  const previewed = current && 'value' in current ? current.value : undefined;
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
  const run = () => {
    const kind = state.template?.kind;
    if (!request || !kind) return;
    launch(overrideReason !== '' ? { ...request, override_reason: overrideReason } : request, kind);
  };

  const sections: DetailsSection[] = useMemo(() => {
    if (state.step !== 'review' || !request || !template) return [];
    if (state.template?.kind === 'service') return serviceReviewSections(template, request, chosenSize);
    if (!previewed) return [];
    const fileSystem = choices?.file_systems.find((fs) => fs.id === state.efs);
    return reviewSections(previewed, request, fileSystem?.name);
  }, [state.step, state.template, state.efs, request, template, chosenSize, previewed, choices]);
  const maxOffset = Math.max(0, detailsLineCount(sections) - bodyHeight);
  const scroll = (delta: number) => setOffset((at) => Math.max(0, Math.min(maxOffset, at + delta)));

  const actions: Action[] = overriding
    ? [
        { key: 'enter', label: 'launch, overriding', dangerous: true, when: () => canLaunch, run },
        { key: 'esc', label: 'cancel override', run: () => dispatch({ type: 'cancel-override' }) },
      ]
    : [
        { key: ['j', 'down'], label: 'scroll down', footer: false, run: () => scroll(1) },
        { key: ['k', 'up'], label: 'scroll up', footer: false, run: () => scroll(-1) },
        { key: ['pgdn', 'ctrl+f'], label: 'page down', footer: false, run: () => scroll(bodyHeight) },
        { key: ['pgup', 'ctrl+b'], label: 'page up', footer: false, run: () => scroll(-bodyHeight) },
        { key: ['g', 'home'], label: 'top', footer: false, run: () => setOffset(0) },
        { key: ['G', 'end'], label: 'bottom', footer: false, run: () => setOffset(maxOffset) },
        { key: 'enter', label: 'launch', dangerous: true, when: () => canLaunch, run },
        {
          key: 'o',
          label: 'override (admin)',
          dangerous: true,
          when: () => canOverride,
          run: () => dispatch({ type: 'start-override' }),
        },
        back,
      ];

  const footer = ((): WizardFooterLine => {
    if (current && 'error' in current)
      return { text: `The launch could not be checked: ${current.error}`, color: theme.danger };
    if (state.template?.kind === 'ec2' && !current)
      return { text: 'Checking the launch as the pipeline will…', color: theme.muted };
    if (overriding)
      return {
        text: sanitizeForTerminal(
          `Override reason (audited, tagged): ${state.override_reason ?? ''}${theme.color ? '' : '_'} · Enter launches · Esc cancels`,
        ),
        color: theme.warning,
      };
    if (canOverride)
      return {
        text: 'The policy denies this launch · o overrides it with a reason (admin, audited) · Esc goes back',
        color: theme.danger,
      };
    return canLaunch
      ? { text: 'Enter launches · Esc goes back to change something', color: theme.success }
      : {
          text: 'This launch would be refused (see Policy and Problems) · Esc goes back',
          color: theme.danger,
        };
  })();

  return {
    actions,
    footer,
    typing: overriding,
    onText: (text, keyName) => {
      if (!overriding) return false;
      const printable = text.length > 0 && !/[\u0000-\u001F\u007F]/.test(text);
      if (keyName === 'backspace') dispatch({ type: 'erase-override' });
      else if (printable || keyName === 'space')
        dispatch({ type: 'type-override', text: keyName === 'space' ? ' ' : text });
      return true;
    },
    body:
      state.template?.kind === 'ec2' && !current ? (
        <WaitSpinner label="Checking the launch as the pipeline will…" />
      ) : (
        <DetailsPanel sections={sections} height={bodyHeight} offset={Math.min(offset, maxOffset)} />
      ),
  };
}
