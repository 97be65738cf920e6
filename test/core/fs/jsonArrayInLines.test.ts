import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonArrayInLines, readJsonArrayInLines } from '../../../source/core/fs/jsonArrayInLines.js';

async function textOf(pieces: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}

const keepAll = (record: unknown) => record;

describe('jsonArrayInLines and readJsonArrayInLines', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cws-lines-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one JSON document, one record per line, that reads back record by record', async () => {
    const record = fc.oneof(
      fc.dictionary(fc.string(), fc.jsonValue()),
      fc.string(),
      fc.integer(),
      fc.array(fc.jsonValue()),
    );
    const head = fc.dictionary(
      fc.string().filter((key) => key !== 'items' && key !== '__proto__'),
      fc.jsonValue(),
    );
    await fc.assert(
      fc.asyncProperty(
        head,
        fc.array(record, { maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        async (top, records, perPiece) => {
          const text = await textOf(jsonArrayInLines(top, 'items', records, perPiece));
          // Any JSON reader reads the same document.
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify({ ...top, items: records })));
          expect(text.split('\n')).toHaveLength(records.length + 3);
          const file = join(dir, 'lines.json');
          await writeFile(file, text);
          const read = await readJsonArrayInLines(file, 'items', keepAll);
          expect(read).toEqual({
            head: JSON.parse(JSON.stringify({ ...top, items: [] })),
            records: JSON.parse(JSON.stringify(records)),
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says missing for no file, and undefined for any other layout, broken text or refused record', async () => {
    const file = join(dir, 'lines.json');
    expect(await readJsonArrayInLines(file, 'items', keepAll)).toBe('missing');
    const layouts = [
      '{"version":1,"items":[{"a":1},{"a":2}]}\n', // whole on one line
      '{"version":1,"items":[\n{"a":1},\n]}\n', // a comma before the end
      '{"version":1,"items":[\n{"a":1}\n{"a":2}\n]}\n', // no comma between records
      '{"version":1,"items":[\n{"a":1},\n{"a":2}\n', // cut short
      '{"version":1,"items":[\n{"a":1\n]}\n', // a broken record
      '{"version":1,"items":[\n{"a":1}\n]}\n{"more":true}\n', // text after the end
      '{"version":1,"other":[\n{"a":1}\n]}\n', // another list
      '',
    ];
    for (const text of layouts) {
      await writeFile(file, text);
      expect(await readJsonArrayInLines(file, 'items', keepAll), text).toBeUndefined();
    }
    await writeFile(file, '{"version":1,"items":[\n{"a":1},\n{"a":2}\n]}\n');
    const refuseSecond = (record: unknown) => ((record as { a: number }).a === 2 ? undefined : record);
    expect(await readJsonArrayInLines(file, 'items', refuseSecond)).toBeUndefined();
    expect(await readJsonArrayInLines(file, 'items', keepAll)).toEqual({
      head: { version: 1, items: [] },
      records: [{ a: 1 }, { a: 2 }],
    });
  });

  it('writes an empty list as an opening and a closing line', async () => {
    expect(await textOf(jsonArrayInLines({}, 'items', []))).toBe('{"items":[\n]}\n');
    const file = join(dir, 'lines.json');
    await writeFile(file, '{"items":[\n]}\n');
    expect(await readJsonArrayInLines(file, 'items', keepAll)).toEqual({ head: { items: [] }, records: [] });
  });
});
