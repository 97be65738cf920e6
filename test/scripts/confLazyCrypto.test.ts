import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { confLazyCrypto } from '../../scripts/confLazyCrypto.mjs';

const root = join(import.meta.dirname, '..', '..');

describe('confLazyCrypto', () => {
  it('bundles conf without importing node:crypto, and conf still encrypts and decrypts', async () => {
    const result = await build({
      stdin: {
        contents:
          "import Conf from 'conf'; export const open = (cwd) => new Conf({ cwd, projectName: 'x', encryptionKey: 'k' });",
        resolveDir: root,
        sourcefile: 'entry.mjs',
      },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
      plugins: [confLazyCrypto],
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/from\s*["']node:crypto["']|import\(["']node:crypto["']\)/);
    const dir = mkdtempSync(join(tmpdir(), 'cws-conf-crypto-'));
    writeFileSync(join(dir, 'bundle.mjs'), code);
    const { open } = (await import(pathToFileURL(join(dir, 'bundle.mjs')).href)) as {
      open: (cwd: string) => { set: (key: string, value: unknown) => void; get: (key: string) => unknown };
    };
    open(dir).set('secret', 'plain words');
    expect(readFileSync(join(dir, 'config.json'), 'latin1')).not.toContain('plain words');
    expect(open(dir).get('secret')).toBe('plain words');
  });
});
