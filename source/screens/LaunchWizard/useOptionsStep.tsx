import { useTheme } from '../../app/ThemeContext.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { OPTION_TOGGLES, type OptionField, type OptionToggle, tagOfField } from './LaunchWizardState.js';
import { OptionsStepView } from './OptionsStepView.js';
import type { WizardStepContext, WizardStepView } from './WizardStepView.js';

/**
 * The name and options step: the name, the project and every tag the policy requires (typed), and
 * for an EC2 launch the spot, hibernation and wait-for-setup toggles (Space).
 */
export function useOptionsStep(
  context: WizardStepContext,
  { requiredTags, takenNames }: { requiredTags: readonly string[]; takenNames: ReadonlySet<string> },
): WizardStepView {
  const { state, dispatch, back } = context;
  const theme = useTheme();
  // The project always (cost reports group by it), then every tag the policy requires.
  const tagFields: OptionField[] = [...new Set(['project', ...requiredTags])].map(
    (key) => `tag:${key}` as const,
  );
  const fields: readonly OptionField[] =
    state.template?.kind === 'ec2' ? ['name', ...tagFields, ...OPTION_TOGGLES] : ['name', ...tagFields];
  const focusedTag = tagOfField(state.option_field);
  const typingField = state.option_field === 'name' || focusedTag !== undefined;
  const move = (delta: number) => {
    const at = fields.indexOf(state.option_field);
    const next = fields[(at + delta + fields.length) % fields.length] ?? 'name';
    dispatch({ type: 'focus-option', field: next });
  };
  return {
    actions: [
      { key: ['tab', 'down'], label: 'next field', run: () => move(1) },
      { key: ['shift+tab', 'up'], label: 'previous field', footer: false, run: () => move(-1) },
      {
        key: 'space',
        label: 'toggle',
        when: () => !typingField,
        run: () => !typingField && dispatch({ type: 'toggle', field: state.option_field as OptionToggle }),
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
    ],
    typing: typingField,
    onText: (text, keyName) => {
      if (!typingField) return false;
      // Enter or Tab while they do nothing here arrive as text too: only printable text is typed.
      const printable = text.length > 0 && !/[\u0000-\u001F\u007F]/.test(text);
      if (focusedTag !== undefined) {
        if (keyName === 'backspace') dispatch({ type: 'erase-tag', key: focusedTag });
        else if (printable || keyName === 'space')
          dispatch({ type: 'type-tag', key: focusedTag, text: keyName === 'space' ? ' ' : text });
      } else if (keyName === 'backspace') dispatch({ type: 'erase-name' });
      else if (printable) dispatch({ type: 'type-name', text });
      // A text field keeps every printable key, so that q, j or / are typed rather than obeyed.
      return true;
    },
    ...(takenNames.has(state.name)
      ? {
          footer: {
            text: sanitizeForTerminal(
              `A workstation named ${state.name} already exists: choose another name`,
            ),
            color: theme.warning,
          },
        }
      : {}),
    body: <OptionsStepView state={state} fields={fields} requiredTags={requiredTags} />,
  };
}
