import { Box, Text } from 'ink';
import { useTheme } from '../app/ThemeContext.js';
import { fitText } from './fitText.js';

/** A titled group of label/value lines; values must already be safe to draw. */
export interface DetailsSection {
  title: string;
  rows: ReadonlyArray<readonly [label: string, value: string]>;
}

export interface DetailsPanelProps {
  sections: readonly DetailsSection[];
  height: number;
  /** Lines scrolled past at the top. */
  offset: number;
}

const LABEL_WIDTH = 16;

/** The lines a set of sections draws, so a screen can bound its scrolling. */
export function detailsLineCount(sections: readonly DetailsSection[]): number {
  return sections.reduce((sum, section) => sum + 1 + Math.max(1, section.rows.length), 0);
}

/** Sections of label/value lines, scrolled by `offset` and cut to `height`. */
export function DetailsPanel({ sections, height, offset }: DetailsPanelProps) {
  const theme = useTheme();
  const lines = sections.flatMap((section) => [
    <Text key={`${section.title}-title`} bold color={theme.accent} wrap="truncate">
      {section.title}
    </Text>,
    ...(section.rows.length === 0
      ? [
          <Text key={`${section.title}-none`} color={theme.muted} wrap="truncate">
            {'  none'}
          </Text>,
        ]
      : section.rows.map(([label, value], index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of a section are fixed in order
          <Text key={`${section.title}-${index}`} wrap="truncate">
            {'  '}
            <Text color={theme.muted}>{fitText(label, LABEL_WIDTH)}</Text> {value}
          </Text>
        ))),
  ]);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {lines.slice(offset, offset + height)}
    </Box>
  );
}
