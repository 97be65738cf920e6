import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTeamFormat } from '../../../source/core/team/checkTeamFormat.js';
import { FileTeamStore } from '../../../source/core/team/FileTeamStore.js';
import { teamStoreContract } from './teamStoreContract.js';

function freshPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'cws-team-')), 'team-store.json');
}

describe('FileTeamStore', () => {
  teamStoreContract(async () => new FileTeamStore(freshPath()));

  it('writes its format item on first use', async () => {
    const store = new FileTeamStore(freshPath());
    await checkTeamFormat(store);
    expect((await store.get({ pk: 'META', sk: 'FORMAT' }))?.format).toBe(1);
  });

  it('refuses a damaged file or a newer format and leaves the file as it was', async () => {
    const damaged = freshPath();
    writeFileSync(damaged, '{"format":1,"items":');
    await expect(new FileTeamStore(damaged).put({ pk: 'A', sk: 'b' })).rejects.toThrow(
      /not valid JSON; it was left untouched/,
    );
    expect(await readFile(damaged, 'utf8')).toBe('{"format":1,"items":');
    const newer = freshPath();
    writeFileSync(newer, '{"format":2,"items":{}}');
    await expect(new FileTeamStore(newer).get({ pk: 'A', sk: 'b' })).rejects.toThrow(
      /format 2, newer than this cws-tui/,
    );
  });
});
