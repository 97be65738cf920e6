const CSI = '\u001B[';

/** Rewrites one row: to its start, the line, then reset attributes and erase the rest. */
const rowText = (row: number, line: string) => `${CSI}${row + 1};1H${line}${CSI}0m${CSI}K`;

/** The rows of `next` that differ from `shown`, as terminal output. */
function rewriteChanged(shown: readonly string[], next: readonly string[], rows: number): string {
  let output = '';
  const count = Math.min(Math.max(next.length, shown.length), rows);
  for (let row = 0; row < count; row++) {
    const line = next[row] ?? '';
    if (row < shown.length && shown[row] === line) continue;
    if (row >= shown.length && line === '') continue;
    output += rowText(row, line);
  }
  return output;
}

/** The longest run of rows where `next[r]` is what `shown[r + shift]` was. */
function longestShiftedRun(shown: readonly string[], next: readonly string[], shift: number, rows: number) {
  let best = { start: 0, length: 0 };
  let start = 0;
  let length = 0;
  const last = Math.min(next.length, shown.length, rows);
  for (let row = 0; row < last; row++) {
    const from = row + shift;
    if (from >= 0 && from < last && next[row] === shown[from] && next[row] !== shown[row]) {
      if (length === 0) start = row;
      length++;
      if (length > best.length) best = { start, length };
    } else {
      length = 0;
    }
  }
  return best;
}

/**
 * Scrolls the block of rows that moved by `shift` inside a scroll region (DECSTBM, then SU for
 * content moving up or SD for down, as less and vim do), so the terminal moves them itself; then
 * rewrites only the rows that still differ (the row scrolled in, the cursor rows, counters).
 */
function scrollThenRewrite(
  shown: readonly string[],
  next: readonly string[],
  rows: number,
  shift: number,
  run: { start: number; length: number },
): string {
  const top = shift > 0 ? run.start : run.start + shift;
  const bottom = shift > 0 ? run.start + run.length - 1 + shift : run.start + run.length - 1;
  const scrolled = [...shown];
  for (let row = top; row <= bottom; row++) {
    const from = row + shift;
    scrolled[row] = from >= top && from <= bottom ? (shown[from] ?? '') : '';
  }
  const move = shift > 0 ? `${CSI}${shift}S` : `${CSI}${-shift}T`;
  // Attributes are reset first so the rows scrolled in are blank, not coloured like the last write.
  return `${CSI}0m${CSI}${top + 1};${bottom + 1}r${move}${CSI}r${rewriteChanged(scrolled, next, rows)}`;
}

/** The shifts tried: a one- or two-row scroll either way is what holding j or k produces. */
const SHIFTS = [1, -1, 2, -2];

/**
 * Terminal output that turns the screen `shown` into `next` (both lines from the top row), the
 * fewest bytes of: rewriting each changed row, or scrolling a moved block and rewriting the rest.
 */
export function frameUpdate(
  shown: readonly string[],
  next: readonly string[],
  rows: number,
  scrollRegions: boolean,
): string {
  let best = rewriteChanged(shown, next, rows);
  if (!scrollRegions || best === '') return best;
  for (const shift of SHIFTS) {
    const run = longestShiftedRun(shown, next, shift, rows);
    if (run.length < 2) continue;
    const candidate = scrollThenRewrite(shown, next, rows, shift, run);
    if (candidate.length < best.length) best = candidate;
  }
  return best;
}

/**
 * Whether the terminal is known to keep a scroll region (DECSTBM) and scroll it with SU/SD: the
 * xterm family and the terminals and multiplexers that follow it. Anything else gets whole rows.
 */
export function supportsScrollRegions(term: string | undefined): boolean {
  if (term === undefined || term === '' || term === 'dumb') return false;
  return /^(xterm|screen|tmux|rxvt|vt(1|2|3|4)\d\d|linux|alacritty|foot|kitty|wezterm|st-|st$|konsole|gnome|putty|iterm|contour|ghostty)/.test(
    term,
  );
}
