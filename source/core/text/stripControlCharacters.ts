/**
 * Escape sequences (CSI, OSC, DCS and the other string commands, and two-byte ESC sequences), then
 * any remaining C0/C1 control character and the bidirectional overrides that can disguise text.
 */
const ESCAPE_SEQUENCES =
  /\u001B\[[0-?]*[ -/]*[@-~]|\u001B[\]PX^_][\s\S]*?(?:\u0007|\u001B\\|\u009C|$)|\u009B[0-?]*[ -/]*[@-~]|[\u0090\u009D\u009E\u009F\u0098][\s\S]*?(?:\u0007|\u009C|\u001B\\|$)|\u001B[@-Z\\-_]|\u001B[ -/]*[0-~]/g;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text from AWS or a template made safe to draw: no escape sequence survives, so a tag value cannot
 * move the cursor, recolour the screen or retitle the terminal. Tabs become spaces; newlines stay
 * only when `keepNewlines` is set.
 */
export function stripControlCharacters(text: string, options: { keepNewlines?: boolean } = {}): string {
  const withoutSequences = text.replace(ESCAPE_SEQUENCES, '').replace(/\t/g, ' ');
  if (options.keepNewlines) {
    return withoutSequences
      .replace(/\r\n?/g, '\n')
      .replace(/(?!\n)[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
  }
  return withoutSequences.replace(CONTROL_CHARACTERS, '').replace(/\n/g, ' ');
}
