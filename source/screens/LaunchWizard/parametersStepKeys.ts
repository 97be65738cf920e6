import type { Action } from '../../app/keys/Action.js';
import type { Template } from '../../core/templates/templateSchema.js';
import type { LaunchWizardState } from './LaunchWizardState.js';
import {
  confirmedParameters,
  cycledParameterValue,
  isTypedParameter,
  type ParameterField,
  parameterFields,
  parameterValueOf,
} from './parametersStep.js';
import type { ParametersStepEvent } from './parametersStepReducer.js';

export interface ParametersStepKeys {
  fields: ParameterField[];
  actions: Action[];
  /** Whether the focused field takes typed text (so q, j or / are typed, not obeyed). */
  typing: boolean;
  onText(text: string, keyName: string | undefined): boolean;
}

/**
 * The keys of the parameters page: Tab/arrows move between fields, Space cycles a choice or a
 * bool, text is typed into string and number fields, Enter checks every value as the launch would.
 */
export function parametersStepKeys(
  state: LaunchWizardState,
  template: Pick<Template, 'parameters' | 'variables'> | undefined,
  dispatch: (event: ParametersStepEvent) => void,
  back: Action,
): ParametersStepKeys {
  const fields = template ? parameterFields(template) : [];
  const values = state.parameters ?? {};
  const index = Math.min(state.parameter_field ?? 0, Math.max(0, fields.length - 1));
  const focused = fields[index];
  const move = (delta: number) =>
    dispatch({
      type: 'focus-parameter',
      index: (index + delta + fields.length) % Math.max(1, fields.length),
    });
  const actions: Action[] = [
    { key: ['tab', 'down'], label: 'next field', run: () => move(1) },
    { key: ['shift+tab', 'up'], label: 'previous field', footer: false, run: () => move(-1) },
    {
      key: 'space',
      label: 'next choice',
      when: () => focused !== undefined && !isTypedParameter(focused),
      run: () =>
        focused &&
        dispatch({ type: 'set-parameter', name: focused.name, value: cycledParameterValue(focused, values) }),
    },
    {
      key: 'ctrl+u',
      label: 'clear field',
      footer: false,
      when: () => isTypedParameter(focused),
      run: () => focused && dispatch({ type: 'set-parameter', name: focused.name, value: '' }),
    },
    {
      key: 'enter',
      label: 'next',
      run: () => {
        const confirmed = template ? confirmedParameters(template, values) : { values: {} };
        dispatch({
          type: 'confirm-parameters',
          ...('problem' in confirmed ? { problem: confirmed.problem } : {}),
        });
      },
    },
    back,
  ];
  return {
    fields,
    actions,
    typing: isTypedParameter(focused),
    onText(text, keyName) {
      if (!focused || !isTypedParameter(focused)) return false;
      const current = parameterValueOf(focused, values);
      if (keyName === 'backspace') dispatch({ type: 'erase-parameter', name: focused.name, value: current });
      else if (keyName === 'space')
        dispatch({ type: 'set-parameter', name: focused.name, value: `${current} ` });
      else if (text.length > 0 && !/[\u0000-\u001F\u007F]/.test(text))
        dispatch({ type: 'set-parameter', name: focused.name, value: current + text });
      return true;
    },
  };
}
