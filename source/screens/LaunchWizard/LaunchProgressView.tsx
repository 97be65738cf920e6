import { Box, Text } from 'ink';
import { useRef } from 'react';
import { useTheme } from '../../app/ThemeContext.js';
import { WaitSpinner } from '../../components/WaitSpinner.js';
import type { LaunchProgress } from '../../core/launch/LaunchProgress.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { WizardTemplateKind } from './LaunchWizardState.js';
import { launchProgressLines, PROGRESS_MARKS, type ProgressLine } from './launchProgressLines.js';

export interface LaunchProgressViewProps {
  progress: readonly LaunchProgress[];
  kind: WizardTemplateKind;
  height: number;
}

/** Each step of the launch pipeline as it happens: waiting, running, done, skipped or failed. */
export function LaunchProgressView({ progress, kind, height }: LaunchProgressViewProps) {
  const theme = useTheme();
  const colorOf = (line: ProgressLine) =>
    line.status === 'done'
      ? theme.success
      : line.status === 'failed'
        ? theme.danger
        : line.status === 'started'
          ? theme.warning
          : theme.muted;
  const lines = launchProgressLines(progress, kind);
  // When each step was first seen under way, by this screen's clock: the spinner counts from it.
  const startedAt = useRef(new Map<string, number>()).current;
  for (const line of lines)
    if (line.status === 'started' && !startedAt.has(line.step)) startedAt.set(line.step, Date.now());
  // The step under way stays in view when the list is taller than the page.
  const current = Math.max(
    0,
    lines.findIndex((line) => line.status === 'started' || line.status === 'failed'),
  );
  const first = Math.max(0, Math.min(current, lines.length - height));
  // Wide enough for the longest step's name (the SageMaker steps are longer than EC2's).
  const labelWidth = Math.max(...lines.map((line) => line.label.length)) + 1;
  return (
    <Box flexDirection="column" height={height}>
      {lines.slice(first, first + height).map((line) => (
        <Text key={line.step} wrap="truncate">
          {line.status === 'started' ? (
            <WaitSpinner
              since={startedAt.get(line.step) ?? Date.now()}
              label={line.label.padEnd(labelWidth)}
            />
          ) : (
            <>
              <Text color={colorOf(line)}>{PROGRESS_MARKS[line.status]}</Text> {line.label.padEnd(labelWidth)}
            </>
          )}
          <Text color={theme.muted}>
            {line.status === 'started' ? ' ' : ''}
            {sanitizeForTerminal(line.detail)}
          </Text>
        </Text>
      ))}
    </Box>
  );
}
