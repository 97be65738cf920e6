/**
 * Plain text (a URL, a shell command) as lines of at most `width` cells: broken at spaces where it
 * can be, and a word longer than a line (a token) cut where the line ends, so nothing is ever
 * hidden behind an ellipsis. Counts code points, one cell each for the ASCII these texts hold.
 */
export function wrapText(text: string, width: number): string[] {
  const size = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (Array.from(candidate).length <= size) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = Array.from(word);
    while (rest.length > size) {
      lines.push(rest.slice(0, size).join(''));
      rest = rest.slice(size);
    }
    line = rest.join('');
  }
  lines.push(line);
  return lines;
}
