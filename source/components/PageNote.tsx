import { Text } from 'ink';
import { useTheme } from '../app/ThemeContext.js';
import { sanitizeForTerminal as safe } from '../core/text/sanitizeForTerminal.js';

/** A page's one-line note under its heading: the first line of an error in red, else a muted hint. */
export function PageNote({ text, error }: { text: string; error: boolean }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate" color={error ? theme.danger : theme.muted}>
      {safe(text.split('\n')[0] ?? '')}
    </Text>
  );
}
