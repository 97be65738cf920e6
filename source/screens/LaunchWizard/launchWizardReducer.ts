import type { LaunchProgress } from '../../core/launch/LaunchProgress.js';
import { validateWorkstationName } from '../../core/launch/validateLaunchNames.js';
import {
  type LaunchWizardState,
  type OptionField,
  type OptionToggle,
  tagOfField,
  type WizardFailure,
  type WizardStep,
  type WizardTemplateKind,
} from './LaunchWizardState.js';
import {
  isParametersStepEvent,
  type ParametersStepEvent,
  parametersStepReducer,
} from './parametersStepReducer.js';

/** What a tag value may hold on AWS (letters, digits, spaces and `+ - = . _ : / @`), up to 256. */
const TAG_VALUE_CHARACTERS = /^[\p{L}\p{N} +\-=._:/@]*$/u;
export const MAX_TAG_VALUE_LENGTH = 256;

export type LaunchWizardEvent =
  | {
      type: 'choose-template';
      slug: string;
      kind: WizardTemplateKind;
      has_sizes: boolean;
      has_parameters?: boolean;
      name: string;
    }
  | ParametersStepEvent
  | { type: 'choose-size'; size: string }
  | { type: 'choose-instance-type'; instance_type: string }
  | { type: 'type-root-volume'; text: string }
  | { type: 'erase-root-volume' }
  | { type: 'confirm-storage'; file_system_id?: string }
  | { type: 'type-name'; text: string }
  | { type: 'erase-name' }
  | { type: 'refuse'; problem: string }
  | { type: 'start-override' }
  | { type: 'type-override'; text: string }
  | { type: 'erase-override' }
  | { type: 'cancel-override' }
  | { type: 'focus-option'; field: OptionField }
  | { type: 'toggle'; field: OptionToggle }
  | { type: 'type-tag'; key: string; text: string }
  | { type: 'erase-tag'; key: string }
  | { type: 'clear-field' }
  | { type: 'confirm-options'; required_tags?: readonly string[] }
  | { type: 'back' }
  | { type: 'launch-started' }
  | { type: 'progress'; progress: LaunchProgress }
  | { type: 'launched'; id: string; name: string; state: string }
  | { type: 'launch-failed'; failure: WizardFailure };

export const MIN_ROOT_VOLUME_GB = 8;
export const MAX_ROOT_VOLUME_GB = 16384;

export function initialWizardState(tags: Readonly<Record<string, string>> = {}): LaunchWizardState {
  return {
    step: 'template',
    root_volume: '',
    name: '',
    spot: false,
    hibernation: false,
    wait_ready: false,
    tags,
    option_field: 'name',
    progress: [],
  };
}

/**
 * The pages before the review, in order, and which templates have each: EC2 workstations get every
 * page; managed web services have no storage, and some no sizes. A new step (a template's
 * parameters, say) is one more entry here, one more case in the reducer and one more step hook.
 */
const STEP_ORDER: ReadonlyArray<{
  step: WizardStep;
  applies: (template: NonNullable<LaunchWizardState['template']>) => boolean;
}> = [
  { step: 'template', applies: () => true },
  { step: 'size', applies: (template) => template.kind === 'ec2' || template.has_sizes },
  { step: 'storage', applies: (template) => template.kind === 'ec2' },
  { step: 'parameters', applies: (template) => template.has_parameters === true },
  { step: 'options', applies: () => true },
  { step: 'review', applies: () => true },
];

/** The pages a template goes through, so that back and next skip the ones it does not have. */
export function wizardSteps(template: LaunchWizardState['template']): WizardStep[] {
  // Until a template is chosen, count the pages of a workstation: most templates are one.
  const counted = template ?? { slug: '', kind: 'ec2', has_sizes: true };
  return STEP_ORDER.filter((entry) => entry.applies(counted)).map((entry) => entry.step);
}

function nextStep(state: LaunchWizardState): WizardStep {
  const steps = wizardSteps(state.template);
  return steps[steps.indexOf(state.step) + 1] ?? 'review';
}

function previousStep(state: LaunchWizardState): WizardStep {
  if (state.step === 'failed') return 'review';
  const steps = wizardSteps(state.template);
  return steps[Math.max(0, steps.indexOf(state.step) - 1)] ?? 'template';
}

/** Why a typed root volume is not usable, or undefined when it is (or left to the default). */
export function rootVolumeProblem(text: string): string | undefined {
  if (text === '') return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < MIN_ROOT_VOLUME_GB || value > MAX_ROOT_VOLUME_GB) {
    return `the root volume is a whole number of GB from ${MIN_ROOT_VOLUME_GB} to ${MAX_ROOT_VOLUME_GB}, got '${text}'`;
  }
  return undefined;
}

/** Whether Esc leaves the wizard rather than stepping back inside it. */
export function leavesWizard(state: LaunchWizardState): boolean {
  return state.step === 'template' || state.step === 'done';
}

/**
 * The launch wizard as a pure reducer: template -> size -> storage -> name and options -> review ->
 * launching -> done or failed. Back steps to the previous page and keeps every value entered.
 */
export function launchWizardReducer(state: LaunchWizardState, event: LaunchWizardEvent): LaunchWizardState {
  if (isParametersStepEvent(event)) return parametersStepReducer(state, event, nextStep(state));
  const { problem: _cleared, ...rest } = state;
  switch (event.type) {
    case 'choose-template': {
      const template = {
        slug: event.slug,
        kind: event.kind,
        has_sizes: event.has_sizes,
        ...(event.has_parameters ? { has_parameters: true } : {}),
      };
      // Another template's size means nothing here; the name follows the template until typed.
      const sameTemplate = state.template?.slug === event.slug;
      const {
        size: _size,
        instance_type: _type,
        efs: _efs,
        parameters: _values,
        parameter_field: _f,
        ...kept
      } = rest;
      const base = sameTemplate ? rest : { ...kept, root_volume: '' };
      const name = state.name === '' || !sameTemplate ? event.name : state.name;
      const next = { ...base, template, name };
      return { ...next, step: nextStep({ ...next, step: 'template' }) };
    }
    case 'choose-size': {
      const { instance_type: _type, ...kept } = rest;
      return { ...kept, size: event.size, step: nextStep(state) };
    }
    case 'choose-instance-type': {
      const { size: _size, ...kept } = rest;
      return { ...kept, instance_type: event.instance_type, step: nextStep(state) };
    }
    case 'type-root-volume':
      return { ...rest, root_volume: (state.root_volume + event.text.replace(/\D/g, '')).slice(0, 5) };
    case 'erase-root-volume':
      return { ...rest, root_volume: state.root_volume.slice(0, -1) };
    case 'confirm-storage': {
      const problem = rootVolumeProblem(state.root_volume);
      if (problem) return { ...state, problem };
      const { efs: _efs, ...kept } = rest;
      const chosen = event.file_system_id ? { ...kept, efs: event.file_system_id } : kept;
      return { ...chosen, step: nextStep(state) };
    }
    case 'type-name': {
      // Checked as typed: a `:` or a pasted token is refused here, not at the review.
      if (!/^[A-Za-z0-9._-]+$/.test(event.text))
        return { ...state, problem: `A name holds letters, digits, '.', '_' and '-' only` };
      if (state.name.length + event.text.length > 63)
        return {
          ...state,
          name: (state.name + event.text).slice(0, 63),
          problem: 'A name is at most 63 characters',
        };
      return { ...rest, name: state.name + event.text };
    }
    case 'erase-name':
      return { ...rest, name: state.name.slice(0, -1) };
    case 'refuse':
      return { ...state, problem: event.problem };
    case 'focus-option':
      return { ...rest, option_field: event.field };
    case 'toggle':
      return { ...rest, [event.field]: !state[event.field] };
    case 'type-tag': {
      const value = `${state.tags[event.key] ?? ''}${event.text}`;
      if (!TAG_VALUE_CHARACTERS.test(event.text))
        return { ...state, problem: `A tag value holds letters, digits, spaces and + - = . _ : / @ only` };
      return { ...rest, tags: { ...state.tags, [event.key]: value.slice(0, MAX_TAG_VALUE_LENGTH) } };
    }
    case 'erase-tag':
      return { ...rest, tags: { ...state.tags, [event.key]: (state.tags[event.key] ?? '').slice(0, -1) } };
    case 'clear-field': {
      const key = tagOfField(state.option_field);
      if (key) return { ...rest, tags: { ...state.tags, [key]: '' } };
      return state.option_field === 'name' ? { ...rest, name: '' } : rest;
    }
    case 'confirm-options': {
      const problem = validateWorkstationName(state.name);
      if (problem) return { ...state, problem, option_field: 'name' };
      const missing = (event.required_tags ?? []).find((key) => (state.tags[key] ?? '').trim() === '');
      if (missing)
        return {
          ...state,
          problem: `The policy requires the tag ${missing}: type a value`,
          option_field: `tag:${missing}`,
        };
      return { ...rest, step: 'review' };
    }
    case 'start-override':
      return { ...rest, override_reason: state.override_reason ?? '' };
    case 'type-override':
      return { ...rest, override_reason: `${state.override_reason ?? ''}${event.text}`.slice(0, 256) };
    case 'erase-override':
      return { ...rest, override_reason: (state.override_reason ?? '').slice(0, -1) };
    case 'cancel-override': {
      const { override_reason: _reason, ...kept } = rest;
      return kept;
    }
    case 'back': {
      if (state.step === 'launching' || state.step === 'done') return state;
      const { override_reason: _reason, ...kept } = rest;
      return { ...kept, step: previousStep(state) };
    }
    case 'launch-started': {
      const { failure: _failure, launched: _launched, ...kept } = rest;
      return { ...kept, step: 'launching', progress: [] };
    }
    case 'progress':
      return state.step === 'launching' ? { ...state, progress: [...state.progress, event.progress] } : state;
    case 'launched':
      return { ...rest, step: 'done', launched: { id: event.id, name: event.name, state: event.state } };
    case 'launch-failed':
      return { ...rest, step: 'failed', failure: event.failure };
  }
}
