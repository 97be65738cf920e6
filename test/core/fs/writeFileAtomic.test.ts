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

  it('writes text that comes in pieces, and leaves the old file alone when a piece fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-atomic-'));
    const path = join(dir, 'ledger.json');
    async function* pieces() {
      yield '{"entries":[';
      yield '1,2';
      yield ']}';
    }
    await writeFileAtomic(path, pieces());
    expect(readFileSync(path, 'utf8')).toBe('{"entries":[1,2]}');
    async function* broken() {
      yield '{"entries":[';
      throw new Error('the disk went away');
    }
    await expect(writeFileAtomic(path, broken())).rejects.toThrow('the disk went away');
    expect(readFileSync(path, 'utf8')).toBe('{"entries":[1,2]}');
    expect(readdirSync(dir)).toEqual(['ledger.json']);
  });
});
