import { Box, Text } from 'ink';
import { useTheme } from '../../app/ThemeContext.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { LaunchWizardState } from './LaunchWizardState.js';
import {
  isTypedParameter,
  type ParameterField,
  parameterFieldProblem,
  parameterValueOf,
} from './parametersStep.js';

const LABEL_WIDTH = 20;

function hintOf(field: ParameterField): string {
  const kind =
    field.type === 'choice'
      ? `one of ${field.choices.join(', ')} (Space)`
      : field.type === 'bool'
        ? 'yes or no (Space)'
        : field.type === 'int'
          ? 'a whole number'
          : field.type === 'float'
            ? 'a number'
            : 'text';
  return field.parameter.description ? `${field.parameter.description}; ${kind}` : kind;
}

/** The template's parameters, each with its value (the default until changed) and what it takes. */
export function ParametersStepView({
  state,
  fields,
}: {
  state: LaunchWizardState;
  fields: readonly ParameterField[];
}) {
  const theme = useTheme();
  const values = state.parameters ?? {};
  const focusedIndex = Math.min(state.parameter_field ?? 0, Math.max(0, fields.length - 1));
  return (
    <Box flexDirection="column">
      {fields.map((field, index) => {
        const focused = index === focusedIndex;
        const value = parameterValueOf(field, values);
        const shown = field.type === 'bool' ? (value === 'true' ? '[x] yes' : '[ ] no') : value;
        const problem = parameterFieldProblem(field, values);
        return (
          <Text key={field.name} wrap="truncate" bold={focused}>
            {focused ? '> ' : '  '}
            {sanitizeForTerminal(field.label).padEnd(LABEL_WIDTH)}{' '}
            <Text inverse={focused && isTypedParameter(field) && theme.color}>
              {sanitizeForTerminal(shown)}
            </Text>
            {focused && isTypedParameter(field) && !theme.color ? '_' : ''}{' '}
            <Text color={problem ? theme.warning : theme.muted}>
              {' '}
              {sanitizeForTerminal(problem ?? hintOf(field))}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}
