import { Box, Text } from 'ink';
import type { FlashMessage } from '../app/store/AppState.js';
import { useTheme } from '../app/ThemeContext.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';

export interface FlashProps {
  message?: FlashMessage;
}

/** One line for the latest message; it stays empty (but takes its row) when there is none. */
export function Flash({ message }: FlashProps) {
  const theme = useTheme();
  if (!message) return <Box height={1} />;
  const color =
    message.kind === 'error' ? theme.danger : message.kind === 'success' ? theme.success : undefined;
  // A message that names what it is ("Budget alert: …", "Refresh failed: …") needs no "Error:".
  const labelled = /^[A-Z][A-Za-z ]{2,30}: /.test(message.text);
  const prefix = message.kind === 'error' && !labelled ? 'Error: ' : '';
  return (
    <Text wrap="truncate" color={color}>
      {prefix}
      {sanitizeForTerminal(message.text)}
      {message.hint ? <Text color={theme.muted}> · {sanitizeForTerminal(message.hint)}</Text> : null}
    </Text>
  );
}
