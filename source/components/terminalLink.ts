const ESC = '\u001B';
const BEL = '\u0007';

/**
 * `text` as a clickable OSC 8 link to `url`, in the form Ink measures as zero-width (BEL-ended).
 * The pieces of one URL wrapped over several lines share an id, so a terminal highlights them as
 * one link. The URL keeps printable ASCII only and `text` must already be sanitized.
 */
export function terminalLink(url: string, text: string, id?: string): string {
  const safeUrl = [...url]
    .map((char) => (/^[\x21-\x7e]$/.test(char) ? char : encodeURIComponent(char)))
    .join('');
  const params = id ? `id=${id.replace(/[^A-Za-z0-9_-]/g, '')}` : '';
  return `${ESC}]8;${params};${safeUrl}${BEL}${text}${ESC}]8;;${BEL}`;
}
