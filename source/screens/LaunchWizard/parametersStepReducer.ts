import type { LaunchWizardState } from './LaunchWizardState.js';

/** The parameters page's events: a field focused, a value set or erased, the page confirmed. */
export type ParametersStepEvent =
  | { type: 'focus-parameter'; index: number }
  | { type: 'set-parameter'; name: string; value: string }
  | { type: 'erase-parameter'; name: string; value: string }
  | { type: 'confirm-parameters'; problem?: string };

const TYPES = new Set(['focus-parameter', 'set-parameter', 'erase-parameter', 'confirm-parameters']);

export function isParametersStepEvent(event: { type: string }): event is ParametersStepEvent {
  return TYPES.has(event.type);
}

/** Parameter values typed at most this long: the boot script's limit for one. */
const MAX_VALUE = 256;

/**
 * The parameters page of the wizard: values are kept by name (stepping back keeps them, another
 * template drops them); `confirm-parameters` carries the check's problem, or moves on to `next`.
 */
export function parametersStepReducer(
  state: LaunchWizardState,
  event: ParametersStepEvent,
  next: LaunchWizardState['step'],
): LaunchWizardState {
  const { problem: _cleared, ...rest } = state;
  const values = state.parameters ?? {};
  switch (event.type) {
    case 'focus-parameter':
      return { ...rest, parameter_field: Math.max(0, event.index) };
    case 'set-parameter':
      return { ...rest, parameters: { ...values, [event.name]: event.value.slice(0, MAX_VALUE) } };
    case 'erase-parameter':
      return { ...rest, parameters: { ...values, [event.name]: event.value.slice(0, -1) } };
    case 'confirm-parameters':
      return event.problem ? { ...state, problem: event.problem } : { ...rest, step: next };
  }
}
