import { Box, Text } from 'ink';
import { DASHBOARD_PAGE } from '../../app/pages/pageIds.js';
import { useShell } from '../../app/ShellContext.js';
import { useTheme } from '../../app/ThemeContext.js';
import { DetailsPanel } from '../../components/DetailsPanel.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { LaunchProgressView } from './LaunchProgressView.js';
import { verdictRows } from './reviewSections.js';
import type { WizardStepContext, WizardStepView } from './WizardStepView.js';

/** After Enter on the review: the pipeline's steps as they happen, then launched or why not. */
export function useOutcomeSteps(
  context: WizardStepContext,
): Record<'launching' | 'done' | 'failed', WizardStepView> {
  const { state, dispatch, bodyHeight } = context;
  const shell = useShell();
  const theme = useTheme();
  const kind = state.template?.kind ?? 'ec2';
  const { failure, launched } = state;
  return {
    launching: {
      actions: [],
      footer: { text: 'Launching… the steps show as they happen', color: theme.muted },
      body: <LaunchProgressView progress={state.progress} kind={kind} height={bodyHeight} />,
    },
    done: {
      actions: [
        { key: ['enter', 'esc'], label: 'dashboard', run: () => shell.open(DASHBOARD_PAGE) },
        {
          key: 'd',
          label: 'details',
          when: () => launched !== undefined,
          run: () => launched && shell.open('workstation', { id: launched.id, name: launched.name }),
        },
      ],
      body: (
        <Box flexDirection="column" height={bodyHeight}>
          <LaunchProgressView progress={state.progress} kind={kind} height={bodyHeight - 1} />
          <Text color={theme.success} wrap="truncate">
            {sanitizeForTerminal(
              `✓ ${launched?.name ?? ''} is ${launched?.state ?? ''} (${launched?.id ?? ''}). Enter: dashboard · d: details`,
            )}
          </Text>
        </Box>
      ),
    },
    failed: {
      actions: [{ key: ['enter', 'esc'], label: 'back to review', run: () => dispatch({ type: 'back' }) }],
      body: (
        <DetailsPanel
          sections={[
            {
              title: 'Launch failed',
              rows: [
                ...(failure?.step ? [['At step', failure.step] as const] : []),
                ['Why', sanitizeForTerminal(failure?.message ?? '')],
                ...(failure?.hint ? [['What to do', sanitizeForTerminal(failure.hint)] as const] : []),
              ],
            },
            ...(failure?.verdict ? [{ title: 'Policy', rows: verdictRows(failure.verdict) }] : []),
          ]}
          height={bodyHeight}
          offset={0}
        />
      ),
    },
  };
}
