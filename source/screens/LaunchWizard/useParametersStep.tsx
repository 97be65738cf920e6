import type { Template } from '../../core/templates/templateSchema.js';
import { ParametersStepView } from './ParametersStepView.js';
import { parametersStepKeys } from './parametersStepKeys.js';
import type { WizardStepContext, WizardStepView } from './WizardStepView.js';

/** The template's parameters: typed or chosen values, checked as the launch checks them. */
export function useParametersStep(
  context: WizardStepContext,
  template: Pick<Template, 'parameters' | 'variables'> | undefined,
): WizardStepView {
  const { state, dispatch, back } = context;
  const step = parametersStepKeys(state, template, dispatch, back);
  return {
    actions: step.actions,
    body: <ParametersStepView state={state} fields={step.fields} />,
    typing: step.typing,
    onText: (text, keyName) => step.onText(text, keyName),
  };
}
