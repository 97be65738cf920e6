import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFileOrSetAside } from '../../../source/core/fs/readJsonFileOrSetAside.js';

const schema = z.object({ version: z.literal(1), items: z.array(z.string()).default([]) });

describe('readJsonFileOrSetAside', () => {
  it('reads a valid file with its defaults, and says when there is none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-json-'));
    const path = join(dir, 'state.json');
    expect(await readJsonFileOrSetAside(path, schema, `${path}.bak`)).toEqual({ status: 'missing' });
    writeFileSync(path, '{"version":1}');
    expect(await readJsonFileOrSetAside(path, schema, `${path}.bak`)).toEqual({
      status: 'read',
      data: { version: 1, items: [] },
    });
  });

  it('moves a torn or wrong file aside, naming the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-json-'));
    const path = join(dir, 'state.json');
    writeFileSync(path, '{"version":2}');
    const read = await readJsonFileOrSetAside(path, schema, `${path}.bak`);
    expect(read).toMatchObject({ status: 'set-aside', backup: `${path}.bak` });
    expect(read.status === 'set-aside' && read.reason).toMatch(/^version: /);
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('{"version":2}');
    writeFileSync(path, '{"vers');
    expect(await readJsonFileOrSetAside(path, schema, `${path}.bak2`)).toMatchObject({ status: 'set-aside' });
  });
});
