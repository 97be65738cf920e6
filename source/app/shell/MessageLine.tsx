import { Box, Text } from 'ink';
import { Flash } from '../../components/Flash.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { useAppState } from '../store/useAppState.js';
import { useTheme } from '../ThemeContext.js';
import { clockTime } from './clockTime.js';

/**
 * The line above the keys: the message of the moment, else the last one (dimmed, with its time),
 * and how many arrived since the `:events` page was last read.
 */
export function MessageLine({ now }: { now: () => number }) {
  const theme = useTheme();
  const flash = useAppState((state) => state.flash);
  const last = useAppState((state) => state.messages.at(-1));
  const unread = useAppState((state) => state.unreadMessages);
  return (
    <Box height={1}>
      <Box flexGrow={1} flexShrink={1}>
        {flash ? (
          <Flash message={flash} />
        ) : last ? (
          <Text wrap="truncate" color={theme.muted}>
            {clockTime(last.at, now())} {sanitizeForTerminal(last.text)}
          </Text>
        ) : null}
      </Box>
      {/* The message shown is the newest: the count matters once others wait behind it. */}
      {unread > (flash ? 1 : 0) ? (
        <Box flexShrink={0} marginLeft={1}>
          <Text color={theme.accent}>{unread > 99 ? '99+' : unread} new · :events</Text>
        </Box>
      ) : null}
    </Box>
  );
}
