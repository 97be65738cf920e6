import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useTheme } from '../app/ThemeContext.js';

export interface DialogProps {
  title: string;
  /** Rows the dialog takes, its border included. */
  height: number;
  dangerous?: boolean;
  children: ReactNode;
}

/** Rows a dialog's border and title take around its content. */
export const DIALOG_CHROME_ROWS = 3;

/** The frame every dialog is drawn in. */
export function Dialog({ title, height, dangerous, children }: DialogProps) {
  const theme = useTheme();
  return (
    <Box
      flexDirection="column"
      height={height}
      borderStyle={theme.color ? 'round' : 'classic'}
      borderColor={dangerous ? theme.danger : theme.accent}
      paddingX={1}
      overflow="hidden"
    >
      <Text bold wrap="truncate" color={dangerous ? theme.danger : undefined}>
        {title}
      </Text>
      {children}
    </Box>
  );
}
