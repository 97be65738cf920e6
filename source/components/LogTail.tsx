import { Text } from 'ink';
import { useTheme } from '../app/ThemeContext.js';
import { sanitizeForTerminal as safe } from '../core/text/sanitizeForTerminal.js';

/** The last `lines` lines of a log under a title, each made safe for the terminal. */
export function LogTail({ title, log, lines }: { title: string; log: string; lines: number }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end" color={theme.muted}>
      {safe(title)}
      {`\n${log
        .split('\n')
        .slice(-lines)
        .map((line) => safe(line))
        .join('\n')}`}
    </Text>
  );
}
