import { Box, Text } from 'ink';
import { useTheme } from '../../app/ThemeContext.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { QueryEditorState } from './editQuery.js';

/** The editor's lines in a frame, the cursor drawn inverse while it has the focus. */
export function QueryEditor({
  state,
  focused,
  lines,
  width,
}: {
  state: QueryEditorState;
  focused: boolean;
  lines: number;
  width: number;
}) {
  const theme = useTheme();
  const first = Math.max(0, Math.min(state.line - lines + 1, state.lines.length - lines));
  const shown = state.lines.slice(first, first + lines);
  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      borderColor={focused ? theme.accent : undefined}
      width={width}
    >
      {Array.from({ length: lines }, (_, offset) => {
        const index = first + offset;
        const text = sanitizeForTerminal(shown[offset] ?? '');
        if (!focused || index !== state.line)
          return (
            <Text key={index} wrap="truncate">
              {text || ' '}
            </Text>
          );
        const chars = Array.from(text);
        return (
          <Text key={index} wrap="truncate">
            {chars.slice(0, state.column).join('')}
            <Text inverse>{chars[state.column] ?? ' '}</Text>
            {chars.slice(state.column + 1).join('')}
          </Text>
        );
      })}
    </Box>
  );
}
