/**
 * Escape sequences: CSI (`ESC [` ... final byte), OSC/DCS/SOS/PM/APC strings (up to BEL or ST),
 * their 8-bit C1 forms, and two-byte `ESC x` sequences.
 */
const ESCAPE_SEQUENCE =
  /(?:\u001B\[|\u009B)[0-?]*[ -/]*[@-~]?|(?:\u001B[\]PX^_]|[\u0090\u0098\u009D-\u009F])[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?|\u001B[ -~]?/g;
/** Tab, newline and carriage return: they separate words, so they become spaces. */
const WHITESPACE_CONTROL = /[\t\n\r]/g;
/** The other C0 and C1 controls and DEL: they vanish. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Bidirectional overrides and isolates, which can make text read differently from what it is. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Makes a string from AWS or a template safe to draw, in the TUI or on a command's output: a tag or
 * a name cannot move the cursor, retitle the terminal, or reorder the text around it. Printable
 * Unicode is kept as is; `keepNewlines` keeps line breaks for multi-line text (a script, a note).
 */
export function sanitizeForTerminal(text: string, options: { keepNewlines?: boolean } = {}): string {
  const withoutSequences = text.replace(ESCAPE_SEQUENCE, '');
  const lines = options.keepNewlines
    ? withoutSequences.replace(/\r\n?/g, '\n').split('\n')
    : [withoutSequences];
  return lines
    .map((line) =>
      line.replace(CONTROL_CHARACTER, '').replace(WHITESPACE_CONTROL, ' ').replace(BIDI_CONTROL, ''),
    )
    .join('\n');
}
