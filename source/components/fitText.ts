/**
 * Pads or cuts text to exactly `width` cells (an ellipsis marks a cut). Counts code points, which
 * is one cell each for the text the tables hold (names, types, states, amounts).
 */
export function fitText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  const chars = Array.from(text);
  if (chars.length > width) return width === 1 ? '…' : `${chars.slice(0, width - 1).join('')}…`;
  const padding = ' '.repeat(width - chars.length);
  return align === 'right' ? padding + text : text + padding;
}
