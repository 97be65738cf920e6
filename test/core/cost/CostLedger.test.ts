import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CostLedger, costLedgerFile } from '../../../source/core/cost/CostLedger.js';
import type { CostResource, InstanceCostResource } from '../../../source/core/cost/CostResource.js';

const awsView = (
  state: InstanceCostResource['transitions'][number]['state'],
  region = 'us-east-1',
): CostResource => ({
  kind: 'instance',
  id: 'i-1',
  name: 'thesis',
  region,
  instance_type: 't3.large',
  root_volume_gb: 30,
  root_volume_type: 'gp3',
  transitions: [{ at: '2026-11-01T00:00:00Z', state }],
  history_note: `no state history: taken to be ${state} since launch`,
});

const fileSystem: CostResource = {
  kind: 'file-system',
  id: 'fs-1',
  name: 'shared',
  region: 'us-east-1',
  size_gb: 10,
  created_at: '2026-11-01T00:00:00Z',
};

describe('CostLedger', () => {
  let dir: string;
  let ledger: CostLedger;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cws-ledger-'));
    ledger = new CostLedger(costLedgerFile(dir, 'aws-lab'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('builds a history from the states refreshes observed where AWS gives only the current one', async () => {
    const regions = ['us-east-1'];
    await ledger.merge([awsView('running')], regions, new Date('2026-11-02T00:00:00Z'));
    await ledger.merge([awsView('running')], regions, new Date('2026-11-03T00:00:00Z'));
    const { resources } = await ledger.merge([awsView('stopped')], regions, new Date('2026-11-04T00:00:00Z'));
    expect(resources).toHaveLength(1);
    expect((resources[0] as InstanceCostResource).transitions).toEqual([
      { at: '2026-11-01T00:00:00Z', state: 'running' },
      { at: '2026-11-04T00:00:00.000Z', state: 'stopped' },
    ]);
  });

  it('keeps an unchanged resource as it was, seen again at each refresh, also when the file is read anew', async () => {
    const regions = ['us-east-1'];
    const listed: CostResource = { ...fileSystem, id: 'fs-2' };
    const first = await ledger.merge([listed, fileSystem], regions, new Date('2026-11-05T00:00:00Z'));
    const second = await ledger.merge([listed, fileSystem], regions, new Date('2026-11-06T00:00:00Z'));
    expect(second.resources[0]).toBe(listed);
    expect(second.resources).toEqual(first.resources);
    const written = JSON.parse(await readFile(ledger.file, 'utf8'));
    expect(written.entries.map((entry: { last_seen: string }) => entry.last_seen)).toEqual([
      '2026-11-06T00:00:00.000Z',
      '2026-11-06T00:00:00.000Z',
    ]);
    // Another process's ledger reads the file: the same entries, seen last at the second refresh.
    const { resources } = await new CostLedger(ledger.file).merge(
      [],
      regions,
      new Date('2026-11-07T00:00:00Z'),
    );
    expect(resources).toContainEqual({ ...listed, deleted_at: '2026-11-06T00:00:00.000Z' });
  });

  it('keeps what AWS no longer lists, ended when it was last seen', async () => {
    const regions = ['us-east-1'];
    await ledger.merge([awsView('running'), fileSystem], regions, new Date('2026-11-05T00:00:00Z'));
    const { resources } = await ledger.merge([], regions, new Date('2026-11-06T00:00:00Z'));
    const instance = resources.find((resource) => resource.kind === 'instance') as InstanceCostResource;
    expect(instance.transitions.at(-1)).toEqual({ at: '2026-11-05T00:00:00.000Z', state: 'terminated' });
    expect(resources.find((resource) => resource.kind === 'file-system')).toMatchObject({
      deleted_at: '2026-11-05T00:00:00.000Z',
    });
  });

  it('leaves resources of regions not listed this time alone, and forgets those ended over 62 days ago', async () => {
    await ledger.merge([awsView('running', 'eu-west-1')], ['eu-west-1'], new Date('2026-11-05T00:00:00Z'));
    const elsewhere = await ledger.merge([], ['us-east-1'], new Date('2026-11-06T00:00:00Z'));
    expect(elsewhere.resources).toEqual([]);
    const back = await ledger.merge([], ['eu-west-1'], new Date('2026-11-07T00:00:00Z'));
    expect(back.resources).toHaveLength(1);
    const later = await ledger.merge([], ['eu-west-1'], new Date('2027-01-07T00:00:00Z'));
    expect(later.resources).toEqual([]);
  });

  it('reads the file again when another process changed it, and writes JSON its schema reads back', async () => {
    const regions = ['us-east-1'];
    const file = costLedgerFile(dir, 'aws-lab');
    await ledger.merge([awsView('running')], regions, new Date('2026-11-02T00:00:00Z'));
    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written).toMatchObject({ version: 1, entries: [{ resource: { id: 'i-1' } }] });
    // Another cws-tui adds a file system it saw: this ledger's next merge keeps it (a region listed).
    const other = new CostLedger(file);
    await other.merge([awsView('running'), fileSystem], regions, new Date('2026-11-03T00:00:00Z'));
    const { resources } = await ledger.merge([awsView('running')], regions, new Date('2026-11-04T00:00:00Z'));
    expect(resources.map((resource) => resource.id).sort()).toEqual(['fs-1', 'i-1']);
    expect(resources.find((resource) => resource.kind === 'file-system')).toMatchObject({
      deleted_at: '2026-11-03T00:00:00.000Z',
    });
  });

  it('writes a ledger of many entries one per line, one JSON text, read back entry by entry', async () => {
    const regions = ['us-east-1'];
    const file = costLedgerFile(dir, 'aws-lab');
    // More than two pieces of entries, the last one short.
    const many = Array.from({ length: 1234 }, (_, n) => ({ ...awsView('running'), id: `i-${n}` }));
    const { resources } = await ledger.merge(many, regions, new Date('2026-11-02T00:00:00Z'));
    const text = await readFile(file, 'utf8');
    const entries = resources.map((resource) => ({ last_seen: '2026-11-02T00:00:00.000Z', resource }));
    expect(JSON.parse(text)).toEqual({ version: 1, entries });
    const lines = text.split('\n');
    expect(lines[0]).toBe('{"version":1,"entries":[');
    expect(lines[1]).toBe(`${JSON.stringify(entries[0])},`);
    expect(lines.slice(-3)).toEqual([JSON.stringify(entries.at(-1)), ']}', '']);
    // Another process reads it back, and keeps seeing the ones no longer listed.
    const reread = await new CostLedger(file).merge(many.slice(1), regions, new Date('2026-11-03T00:00:00Z'));
    expect(reread.resources).toHaveLength(1234);
    expect(reread.resources.find((resource) => resource.id === 'i-0')).toMatchObject({
      transitions: [{ state: 'running' }, { at: '2026-11-02T00:00:00.000Z', state: 'terminated' }],
    });
  });

  it('reads a ledger written whole on one line, as earlier versions wrote it', async () => {
    const regions = ['us-east-1'];
    const file = costLedgerFile(dir, 'aws-lab');
    await mkdir(dirname(file), { recursive: true });
    const entries = [{ last_seen: '2026-11-02T00:00:00.000Z', resource: awsView('running') }];
    await writeFile(file, `${JSON.stringify({ version: 1, entries })}\n`);
    const { resources, warning } = await ledger.merge([], regions, new Date('2026-11-03T00:00:00Z'));
    expect(warning).toBeUndefined();
    expect(resources.map((resource) => resource.id)).toEqual(['i-1']);
    // And writes it back in the line layout.
    expect((await readFile(file, 'utf8')).split('\n')[0]).toBe('{"version":1,"entries":[');
  });

  it('sets aside a ledger in the line layout with an entry that breaks the schema', async () => {
    const file = costLedgerFile(dir, 'aws-lab');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, '{"version":1,"entries":[\n{"last_seen":"x","resource":{"kind":"disk"}}\n]}\n');
    const { resources, warning } = await ledger.merge([], ['us-east-1'], new Date('2026-11-03T00:00:00Z'));
    expect(resources).toEqual([]);
    expect(warning).toMatch(/unreadable \(entries\.0\.resource\.kind: .*\.bak-/);
  });

  it('sets an unreadable ledger aside under a unique .bak- name and says so', async () => {
    const file = costLedgerFile(dir, 'aws-lab');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, '{"version": 2}');
    const { resources, warning } = await ledger.merge(
      [fileSystem],
      ['us-east-1'],
      new Date('2026-11-05T00:00:00Z'),
    );
    expect(resources).toEqual([fileSystem]);
    const backup = /kept as (\S+\.bak-\S+?)[;,)]?(\s|$)/.exec(warning ?? '')?.[1] ?? '';
    expect(warning).toMatch(/cost ledger .* was unreadable .* kept as .*\.bak-/);
    expect(await readFile(backup, 'utf8')).toBe('{"version": 2}');
    // A second corruption is kept next to the first, never over it.
    await writeFile(file, '{"version": 3}');
    const second = await ledger.merge([], ['us-east-1'], new Date('2026-11-06T00:00:00Z'));
    const secondBackup = /kept as (\S+\.bak-\S+?)[;,)]?(\s|$)/.exec(second.warning ?? '')?.[1] ?? '';
    expect(secondBackup).not.toBe(backup);
    expect(await readFile(backup, 'utf8')).toBe('{"version": 2}');
    expect(await readFile(secondBackup, 'utf8')).toBe('{"version": 3}');
    expect(costLedgerFile(dir, 'demo/../x')).toBe(join(dir, 'cost-ledger', 'demo_.._x.json'));
  });
});
