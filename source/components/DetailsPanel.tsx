import { Box, Text } from 'ink';
import { useTheme } from '../app/ThemeContext.js';
import { formatCount } from '../core/cost/formatUsd.js';
import { fitText } from './fitText.js';
import { wrapText } from './wrapText.js';

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
  /**
   * Cells it has: long values wrap under themselves instead of being cut, and a page longer than
   * the height says which lines are shown. Without it every value is one line, cut at the edge.
   */
  width?: number;
}

const LABEL_WIDTH = 16;
/** The indent, the label and the space after it. */
const VALUE_COLUMN = 2 + LABEL_WIDTH + 1;

type Line =
  | { kind: 'title'; text: string }
  | { kind: 'none' }
  | { kind: 'row'; label: string; value: string };

function linesOf(sections: readonly DetailsSection[], width: number | undefined): Line[] {
  return sections.flatMap((section): Line[] => [
    { kind: 'title', text: section.title },
    ...(section.rows.length === 0
      ? [{ kind: 'none' as const }]
      : section.rows.flatMap(([label, value]) => {
          const parts = width === undefined ? [value] : wrapText(value, Math.max(8, width - VALUE_COLUMN));
          return (parts.length > 0 ? parts : ['']).map((part, index) => ({
            kind: 'row' as const,
            label: index === 0 ? label : '',
            value: part,
          }));
        })),
  ]);
}

/** The lines a set of sections draws (at `width`, when its values wrap), so a screen can bound its scrolling. */
export function detailsLineCount(sections: readonly DetailsSection[], width?: number): number {
  return linesOf(sections, width).length;
}

/** How many lines of content a panel shows: one fewer when it needs its position line. */
export function detailsVisibleLines(total: number, height: number, width: number | undefined): number {
  return width !== undefined && total > height ? Math.max(1, height - 1) : height;
}

/** Sections of label/value lines, scrolled by `offset` and cut to `height`. */
export function DetailsPanel({ sections, height, offset, width }: DetailsPanelProps) {
  const theme = useTheme();
  const lines = linesOf(sections, width);
  const visible = detailsVisibleLines(lines.length, height, width);
  const shown = lines.slice(offset, offset + visible).map((line, index) => {
    const key = offset + index;
    if (line.kind === 'title')
      return (
        <Text key={key} bold color={theme.accent} wrap="truncate">
          {line.text}
        </Text>
      );
    if (line.kind === 'none')
      return (
        <Text key={key} color={theme.muted} wrap="truncate">
          {'  none'}
        </Text>
      );
    return (
      <Text key={key} wrap="truncate">
        {'  '}
        <Text color={theme.muted}>{fitText(line.label, LABEL_WIDTH)}</Text> {line.value}
      </Text>
    );
  });
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {shown}
      {visible < height ? (
        <Text color={theme.muted} wrap="truncate">
          lines {formatCount(offset + 1)}-{formatCount(Math.min(lines.length, offset + visible))} of{' '}
          {formatCount(lines.length)} · j/k scroll
        </Text>
      ) : null}
    </Box>
  );
}
