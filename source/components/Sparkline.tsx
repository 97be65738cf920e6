import { Text } from 'ink';
import { useTheme } from '../app/ThemeContext.js';
import { sparklineBars } from './sparklineBars.js';

export interface SparklineProps {
  values: readonly number[];
  /** Cells at most; the latest values are kept. */
  width?: number;
}

/** A one-line bar chart of a series (daily spend), in the accent colour. */
export function Sparkline({ values, width }: SparklineProps) {
  const theme = useTheme();
  return <Text color={theme.accent}>{sparklineBars(values, width)}</Text>;
}
