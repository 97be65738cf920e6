import { sanitizeForTerminal } from './sanitizeForTerminal.js';

/** Zero-width characters: they hide text or make two different names look the same. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** A UTF-16 surrogate without its partner: not a character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** What JSON.stringify leaves raw that a terminal acts on or that hides text: C1, DEL, bidi, zero-width. */
const JSON_UNSAFE = /[\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * The one filter for a command's text output (stdout and stderr alike): whatever a field from AWS,
 * a template, a token or a file holds, the terminal gets no escape sequence, no control character
 * but the line break, no bidi override, no zero-width character and no lone surrogate.
 */
export function sanitizeCommandOutput(text: string): string {
  // Line by line: an unterminated OSC in one field must not swallow the lines after it.
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => sanitizeForTerminal(line).replace(ZERO_WIDTH, '').replace(LONE_SURROGATE, '\uFFFD'))
    .join('\n');
}

/**
 * The same guarantee for `--json` output without changing the data: JSON.stringify already escapes
 * C0 controls; the rest are written as `\uXXXX` escapes, which mean the same string to a parser.
 * (They can only occur inside JSON strings, where such an escape is valid.)
 */
export function escapeJsonOutput(text: string): string {
  const unicodeEscape = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return text.replace(JSON_UNSAFE, unicodeEscape).replace(LONE_SURROGATE, unicodeEscape);
}

/** The writer a command gets: each piece of output filtered as above before it reaches the terminal. */
export function safeWriter(
  write: (text: string) => void,
  options: { json: boolean },
): (text: string) => void {
  return (text) => write(options.json ? escapeJsonOutput(text) : sanitizeCommandOutput(text));
}
