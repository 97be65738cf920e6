import { Box, Text } from 'ink';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface TooSmallProps {
  columns: number;
  rows: number;
}

/** Shown instead of the app below 80x24, where the screens cannot be drawn without wrapping. */
export function TooSmall({ columns, rows }: TooSmallProps) {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" bold>
        Terminal too small
      </Text>
      <Text wrap="truncate">
        {columns}x{rows}, needs {MIN_COLUMNS}x{MIN_ROWS}.
      </Text>
      <Text wrap="truncate">Resize the window or press q to quit.</Text>
    </Box>
  );
}
