import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { englishOnly, zodEnglishOnly } from '../../scripts/zodEnglishOnly.mjs';

const root = join(import.meta.dirname, '..', '..');

/** Bundles a module using `z` as the app does (a namespace object), with or without the plugin. */
async function bundle(plugins: (typeof zodEnglishOnly)[]): Promise<{ text: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'cws-zod-'));
  const entry = join(dir, 'entry.ts');
  await writeFile(
    entry,
    [
      "import { z } from 'zod';",
      'export const locales = Object.keys(z.locales);',
      'export const message = z.object({ name: z.string() }).safeParse({ name: 1 }).error?.issues[0]?.message;',
    ].join('\n'),
  );
  const file = join(dir, 'out.mjs');
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'node',
    nodePaths: [join(root, 'node_modules')],
    plugins,
    logLevel: 'silent',
  });
  return { text: await readFile(file, 'utf8'), file };
}

describe("the build's zod with English messages only", () => {
  it("cuts the installed zod's locale list to English", async () => {
    const index = await readFile(join(root, 'node_modules/zod/v4/locales/index.js'), 'utf8');
    expect(index).toContain('export { default as de } from "./de.js";');
    expect(englishOnly(index)).toBe('export { default as en } from "./en.js";\n');
  });

  it('stops the build when the list no longer has the expected shape', () => {
    expect(() => englishOnly('export * from "./all.js";\n')).toThrow(/zod's locales\/index\.js changed/);
    expect(() => englishOnly('export { default as de } from "./de.js";\n')).toThrow(/changed/);
  });

  it('bundles no other language, and zod still reports in English', async () => {
    const whole = await bundle([]);
    const cut = await bundle([zodEnglishOnly]);
    expect(whole.text).toContain('Eingabe');
    expect(cut.text).not.toContain('Eingabe');
    expect(cut.text.length).toBeLessThan(whole.text.length - 200_000);
    const run = (await import(pathToFileURL(cut.file).href)) as { locales: string[]; message: string };
    expect(run.locales).toEqual(['en']);
    expect(run.message).toBe('Invalid input: expected string, received number');
  });
});
