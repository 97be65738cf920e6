import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { segmenterWithoutIcu } from '../../scripts/segmenterWithoutIcu.mjs';

const root = join(import.meta.dirname, '..', '..');

// The libraries as the app bundles them, each asked to measure, cut and wrap the same text.
const ENTRY = `
import stringWidth from 'string-width';
import sliceAnsi from 'slice-ansi';
import wrapAnsi from 'wrap-ansi';
import cliTruncate from 'cli-truncate';
import { tokenize } from '@alcalzone/ansi-tokenize';
export const run = (text) => ({
  width: stringWidth(text),
  slice: sliceAnsi(text, 1, 6),
  wrapped: wrapAnsi(text, 5, { hard: true }),
  truncated: cliTruncate(text, 6),
  tokens: tokenize(text),
});
`;

async function bundle(plugins: Parameters<typeof build>[0]['plugins']): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: root, sourcefile: 'entry.mjs' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
    ...(plugins ? { plugins } : {}),
  });
  return result.outputFiles[0]?.text ?? '';
}

async function load(code: string): Promise<{ run: (text: string) => unknown }> {
  const dir = mkdtempSync(join(tmpdir(), 'cws-segmenter-'));
  const file = join(dir, 'bundle.mjs');
  writeFileSync(file, code);
  return import(pathToFileURL(file).href);
}

describe('segmenterWithoutIcu', () => {
  it('leaves only the lazy segmenter making an Intl.Segmenter, and the libraries answer as before', async () => {
    const patched = await bundle([segmenterWithoutIcu]);
    const original = await bundle(undefined);
    expect(original.split('new Intl.Segmenter(').length - 1).toBeGreaterThanOrEqual(5);
    expect(patched.split('new Intl.Segmenter(').length - 1).toBe(1);
    expect(patched).toContain('var LazyGraphemeSegmenter = class');
    const [mine, theirs] = await Promise.all([load(patched), load(original)]);
    for (const text of [
      '┌─ ws-1 · m7i.large → running …',
      '\u001b[31mred\u001b[39m plain',
      'a👍🏽b e\u0301\r\nx',
      '研究 ✓',
    ]) {
      expect(mine.run(text)).toEqual(theirs.run(text));
    }
  });

  it('fails the build when a library no longer makes a segmenter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-segmenter-'));
    mkdirSync(join(dir, 'node_modules', 'string-width'), { recursive: true });
    writeFileSync(
      join(dir, 'node_modules', 'string-width', 'package.json'),
      '{"name":"string-width","main":"index.js"}',
    );
    writeFileSync(
      join(dir, 'node_modules', 'string-width', 'index.js'),
      'export default (text) => text.length;',
    );
    await expect(
      build({
        stdin: { contents: "import w from 'string-width'; console.log(w('x'));", resolveDir: dir },
        bundle: true,
        write: false,
        logLevel: 'silent',
        plugins: [segmenterWithoutIcu],
      }),
    ).rejects.toThrow(/no longer makes an Intl.Segmenter/);
  });
});
