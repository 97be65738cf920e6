import { Box, Text } from 'ink';
import { useTheme } from '../../app/ThemeContext.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import {
  type LaunchWizardState,
  type OptionField,
  type OptionToggle,
  tagOfField,
} from './LaunchWizardState.js';

export interface OptionsStepViewProps {
  state: LaunchWizardState;
  fields: readonly OptionField[];
  /** The tags the policy requires: marked so, and Enter refuses to go on without them. */
  requiredTags: readonly string[];
}

const TOGGLE_LABELS: Record<OptionToggle, string> = {
  spot: 'Spot capacity',
  hibernation: 'Hibernation',
  wait_ready: 'Wait for setup',
};

const TOGGLE_HINTS: Record<OptionToggle, string> = {
  spot: 'cheaper, but AWS may reclaim it at two minutes notice',
  hibernation: 'stop keeps memory; needs a root volume of RAM + 8 GB',
  wait_ready: 'the launch waits until the setup script reports ready',
};

const LABEL_WIDTH = 15;

function labelOf(field: OptionField): string {
  const tag = tagOfField(field);
  if (field === 'name') return 'Name';
  if (tag === 'project') return 'Project';
  if (tag !== undefined) return `Tag ${tag}`;
  return TOGGLE_LABELS[field as OptionToggle];
}

function hintOf(field: OptionField, required: boolean): string {
  if (field === 'name') return '1-63 letters, digits, . _ -; unique among your workstations';
  const tag = tagOfField(field);
  if (tag !== undefined)
    return required ? 'required by the policy' : 'optional: the cost report and list group by it';
  return TOGGLE_HINTS[field as OptionToggle];
}

/** The workstation's name and tags (typed) and its purchase and stop options (toggled with Space). */
export function OptionsStepView({ state, fields, requiredTags }: OptionsStepViewProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {fields.map((field) => {
        const focused = state.option_field === field;
        const tag = tagOfField(field);
        const required = tag !== undefined && requiredTags.includes(tag);
        const typed = field === 'name' ? state.name : tag !== undefined ? (state.tags[tag] ?? '') : undefined;
        const value =
          typed !== undefined ? (
            <>
              <Text inverse={focused && theme.color}>{sanitizeForTerminal(typed)}</Text>
              {focused && !theme.color ? '_' : ''}
            </>
          ) : (
            <Text>{state[field as OptionToggle] ? '[x] yes' : '[ ] no'}</Text>
          );
        return (
          <Text key={field} wrap="truncate" bold={focused}>
            {focused ? '> ' : '  '}
            {`${labelOf(field)}${required ? '*' : ''}`.padEnd(LABEL_WIDTH)} {value}{' '}
            <Text color={required && typed === '' ? theme.warning : theme.muted}>
              {' '}
              {hintOf(field, required)}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}
