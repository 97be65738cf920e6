import { Box, Text } from 'ink';
import { useTheme } from '../../app/ThemeContext.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { LaunchWizardState, OptionField } from './launchWizardReducer.js';

export interface OptionsStepViewProps {
  state: LaunchWizardState;
  fields: readonly OptionField[];
}

const LABELS: Record<OptionField, string> = {
  name: 'Name',
  spot: 'Spot capacity',
  hibernation: 'Hibernation',
};

const HINTS: Record<OptionField, string> = {
  name: '1-63 letters, digits, . _ -; unique among your workstations',
  spot: 'cheaper, but AWS may reclaim it at two minutes notice',
  hibernation: 'stop keeps memory; needs a root volume of RAM + 8 GB',
};

/** The workstation's name (typed) and its purchase and stop options (toggled with Space). */
export function OptionsStepView({ state, fields }: OptionsStepViewProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {fields.map((field) => {
        const focused = state.option_field === field;
        const value =
          field === 'name' ? (
            <>
              <Text inverse={focused && theme.color}>{sanitizeForTerminal(state.name)}</Text>
              {focused && !theme.color ? '_' : ''}
            </>
          ) : (
            <Text>{state[field] ? '[x] yes' : '[ ] no'}</Text>
          );
        return (
          <Text key={field} wrap="truncate" bold={focused}>
            {focused ? '> ' : '  '}
            {LABELS[field].padEnd(14)} {value} <Text color={theme.muted}> {HINTS[field]}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
