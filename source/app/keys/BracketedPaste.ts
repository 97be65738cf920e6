import type { Key } from 'ink';

/** The largest paste a field takes (1 MiB of text): an invitation token is a few KB. */
export const PASTE_LIMIT_CHARS = 1024 * 1024;

const PASTE_START = '[200~';
const PASTE_END = '[201~';

export type PasteStep =
  | { kind: 'not-pasting' }
  | { kind: 'reading' }
  | { kind: 'pasted'; text: string }
  | { kind: 'refused'; length: number };

/**
 * Collects a bracketed paste (the terminal wraps pasted text in ESC [200~ ... ESC [201~) into one
 * text, so a paste is one update whatever its size, its newlines are never Enter, and nothing in
 * it acts as a key. A paste over the limit is refused whole.
 */
export class BracketedPaste {
  private parts: string[] | undefined;
  private length = 0;

  /** Gives one input event from Ink; says whether it belonged to a paste. */
  feed(input: string, key: Key): PasteStep {
    if (!this.parts) {
      if (input !== PASTE_START) return { kind: 'not-pasting' };
      this.parts = [];
      this.length = 0;
      return { kind: 'reading' };
    }
    if (input === PASTE_END) {
      const parts = this.parts;
      this.parts = undefined;
      if (this.length > PASTE_LIMIT_CHARS) return { kind: 'refused', length: this.length };
      return { kind: 'pasted', text: parts.join('') };
    }
    const piece = key.return ? '\n' : key.tab ? '\t' : input;
    this.length += piece.length;
    // Past the limit the text is not kept: only its length, to say how much was refused.
    if (this.length <= PASTE_LIMIT_CHARS) this.parts.push(piece);
    return { kind: 'reading' };
  }
}
