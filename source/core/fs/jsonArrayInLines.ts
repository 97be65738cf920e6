import { open } from 'node:fs/promises';

/** Records serialized per piece of text: one write per record would be 10,000 system calls. */
const DEFAULT_RECORDS_PER_PIECE = 500;

/**
 * A JSON object whose last key `key` holds a long list, as text in pieces to write as they come:
 * the object without the list on the first line, then one record per line, then the closing line.
 * It is one JSON document (any JSON reader reads it), laid out so that `readJsonArrayInLines` can
 * parse and check it record by record: the text of 10,000 records then never stands in memory
 * whole, neither when written nor when read.
 */
export async function* jsonArrayInLines(
  head: Readonly<Record<string, unknown>>,
  key: string,
  records: readonly unknown[],
  recordsPerPiece = DEFAULT_RECORDS_PER_PIECE,
): AsyncGenerator<string> {
  // The head's own text without its closing brace; a head without keys takes no comma.
  const opening = JSON.stringify(head).slice(0, -1);
  yield `${opening}${opening === '{' ? '' : ','}${JSON.stringify(key)}:[\n`;
  for (let from = 0; from < records.length; from += recordsPerPiece) {
    const lines: string[] = [];
    const to = Math.min(from + recordsPerPiece, records.length);
    for (let index = from; index < to; index++) {
      lines.push(`${JSON.stringify(records[index])}${index < records.length - 1 ? ',' : ''}\n`);
    }
    yield lines.join('');
  }
  yield ']}\n';
}

export interface JsonArrayInLines<Record> {
  /** The object parsed from the first line, its list still empty: the caller checks it. */
  head: unknown;
  records: Record[];
}

/**
 * Reads a file `jsonArrayInLines` wrote, each record parsed on its own and given to `check`, which
 * returns what to keep (or undefined for a record that breaks its schema). Returns 'missing' for
 * no file and undefined for any file not in this layout or with a record `check` refused: the
 * caller then reads it whole as before (an older layout, a hand-edited or a broken file), so a
 * broken file is set aside with the same reason as ever.
 */
export async function readJsonArrayInLines<Record>(
  path: string,
  key: string,
  check: (record: unknown) => Record | undefined,
): Promise<JsonArrayInLines<Record> | 'missing' | undefined> {
  const file = await open(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!file) return 'missing';
  const listOpening = `${JSON.stringify(key)}:[`;
  try {
    const records: Record[] = [];
    let head: unknown;
    // What the next line must be, as JSON would have it: another record after a comma.
    let next: 'head' | 'record or end' | 'record' | 'end' | 'nothing' = 'head';
    // The handle is closed below, also when the loop ends early.
    for await (const line of file.readLines({ autoClose: false })) {
      if (next === 'head') {
        if (!line.endsWith(listOpening)) return undefined;
        head = JSON.parse(`${line}]}`);
        next = 'record or end';
      } else if (line === ']}' && next !== 'record' && next !== 'nothing') {
        next = 'nothing';
      } else if (next === 'record' || next === 'record or end') {
        const more = line.endsWith(',');
        const kept = check(JSON.parse(more ? line.slice(0, -1) : line));
        if (kept === undefined) return undefined;
        records.push(kept);
        next = more ? 'record' : 'end';
      } else if (line !== '') {
        return undefined;
      }
    }
    return next === 'nothing' ? { head, records } : undefined;
  } catch (error) {
    // Text that is not JSON is the whole-file reader's to report and set aside.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  } finally {
    await file.close();
  }
}
