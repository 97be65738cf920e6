import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../source/core/fs/writeFileAtomic.js';

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-atomic-'));
    const path = join(dir, 'nested', 'config.json');
    await writeFileAtomic(path, '{"a":1}');
    await writeFileAtomic(path, '{"a":2}');
    expect(readFileSync(path, 'utf8')).toBe('{"a":2}');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['config.json']);
  });

  it('applies the requested mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-atomic-'));
    const path = join(dir, 'id_ed25519');
    await writeFileAtomic(path, 'secret', 0o600);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
