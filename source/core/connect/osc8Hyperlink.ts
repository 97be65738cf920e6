import { sanitizeForTerminal } from '../text/sanitizeForTerminal.js';

const ESC = '\u001B';
const ST = `${ESC}\\`;

/**
 * `text` as a clickable link to `url` (OSC 8), for terminals that support it; others show the text.
 * The URL may only hold printable ASCII (anything else is percent-encoded) and the text is stripped
 * of control characters, so neither can end the sequence early and inject another.
 */
export function osc8Hyperlink(url: string, text: string = url): string {
  const safeUrl = [...url]
    .map((char) => (/^[\x21-\x7e]$/.test(char) ? char : encodeURIComponent(char)))
    .join('');
  return `${ESC}]8;;${safeUrl}${ST}${sanitizeForTerminal(text)}${ESC}]8;;${ST}`;
}
