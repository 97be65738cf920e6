import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../source/core/ports.js';
import type { Workstation } from '../../../source/core/workstations/Workstation.js';
import { connectItems } from '../../../source/screens/Dashboard/connectItems.js';
import { connectLayout } from '../../../source/screens/Dashboard/connectLayout.js';
import { filterWorkstations } from '../../../source/screens/Dashboard/filterWorkstations.js';
import { nextSortKey, sortWorkstations } from '../../../source/screens/Dashboard/sortWorkstations.js';
import {
  readableTime,
  workstationDetailsSections,
} from '../../../source/screens/Dashboard/workstationDetailsSections.js';
import {
  currentHourlyCost,
  formatHourlyCost,
  formatUptime,
  stateLabel,
  uptimeMs,
} from '../../../source/screens/Dashboard/workstationFigures.js';

const NOW = Date.parse('2026-11-02T12:00:00Z');

function workstation(overrides: Partial<Workstation> = {}, instance: Partial<Instance> = {}): Workstation {
  const base: Instance = {
    id: 'i-0123456789abcdef0',
    name: 'analysis-1',
    region: 'us-east-1',
    state: 'running',
    instance_type: 't3.medium',
    architecture: 'x86_64',
    image_id: 'ami-1',
    launched_at: '2026-11-01T09:00:00Z',
    public_ip: '3.80.0.1',
    spot: false,
    hibernation_configured: false,
    hibernated: false,
    root_volume_gb: 30,
    root_volume_type: 'gp3',
    tags: { Name: 'analysis-1' },
    transitions: [
      { at: '2026-11-01T09:00:00Z', state: 'pending' },
      { at: '2026-11-01T09:00:20Z', state: 'running' },
      { at: '2026-11-01T18:00:00Z', state: 'stopped' },
      { at: '2026-11-02T10:30:00Z', state: 'running' },
    ],
    ...instance,
  };
  return {
    id: base.id,
    name: base.name,
    kind: 'ec2',
    template: 'python-ml',
    region: base.region,
    state: base.state,
    hibernated: base.hibernated,
    instance_type: base.instance_type,
    launched_at: base.launched_at,
    hourly_cost: 0.05,
    research_user: 'alice',
    connect: 'ssh',
    instance: base,
    ...overrides,
  };
}

describe('workstation figures', () => {
  it('counts uptime from the last start, not from the launch', () => {
    expect(uptimeMs(workstation(), NOW)).toBe(90 * 60 * 1000);
    expect(uptimeMs(workstation({ state: 'stopped' }), NOW)).toBeUndefined();
  });

  it('formats uptime in its two largest units', () => {
    expect(formatUptime(undefined)).toBe('-');
    expect(formatUptime(45_000)).toBe('45s');
    expect(formatUptime(12 * 60_000)).toBe('12m');
    expect(formatUptime((3 * 60 + 4) * 60_000)).toBe('3h04m');
    expect(formatUptime((51 * 60 + 10) * 60_000)).toBe('2d03h');
  });

  it('shows the price the session gives for the current state', () => {
    const running = workstation();
    const stopped = workstation({ id: 'i-2', state: 'stopped', hourly_cost: 0.0033 });
    const unpriced = workstation({ id: 'i-3', hourly_cost: undefined });
    const terminated = workstation({ id: 'i-4', state: 'terminated', hourly_cost: 0 });
    expect(currentHourlyCost(unpriced)).toBe(0);
    expect(formatHourlyCost(unpriced)).toBe('-');
    expect(formatHourlyCost(terminated)).toBe('-');
    expect(formatHourlyCost(stopped)).toBe('$0.0033');
    expect(formatHourlyCost(running)).toBe('$0.0500');
  });

  it('labels hibernated instances and unfinished launches', () => {
    expect(stateLabel(workstation({ state: 'stopped', hibernated: true }))).toBe('hibernated');
    expect(stateLabel(workstation({ progress: 'packages' }))).toBe('running:packages');
    expect(stateLabel(workstation({ progress: 'ready' }))).toBe('running');
  });
});

describe('sorting and filtering', () => {
  const rows = [
    workstation({ id: 'a', name: 'node-10', hourly_cost: 0.3 }),
    workstation({ id: 'b', name: 'node-9', state: 'stopped', research_user: 'bob' }),
    workstation({ id: 'c', name: 'gpu', instance_type: 'g5.xlarge', hourly_cost: 1.2 }),
  ];

  it('sorts names naturally and costs numerically, either way round', () => {
    expect(sortWorkstations(rows, { key: 'name', descending: false }, NOW).map((w) => w.name)).toEqual([
      'gpu',
      'node-9',
      'node-10',
    ]);
    expect(sortWorkstations(rows, { key: 'cost', descending: true }, NOW).map((w) => w.name)).toEqual([
      'gpu',
      'node-10',
      'node-9',
    ]);
    expect(nextSortKey('name')).toBe('state');
    expect(nextSortKey('user')).toBe('project');
    expect(nextSortKey('project')).toBe('name');
  });

  it('keeps rows with every filter word somewhere in their fields', () => {
    expect(filterWorkstations(rows, 'bob').map((w) => w.id)).toEqual(['b']);
    expect(filterWorkstations(rows, 'NODE running').map((w) => w.id)).toEqual(['a']);
    expect(filterWorkstations(rows, '  ')).toBe(rows);
  });
});

describe('connect and details', () => {
  it('shows a connection plan as items to copy, without escape sequences', () => {
    expect(
      connectItems({
        kind: 'terminal',
        via: 'ssh',
        argv: ['ssh', 'alice@3.80.0.1'],
        command: 'ssh alice@3.80.0.1',
      }),
    ).toEqual([{ label: 'Run', text: 'ssh alice@3.80.0.1', copy: true }]);
    expect(
      connectItems({
        kind: 'url',
        url: 'http://localhost:8888/?token=\u001B]0;x\u0007abc',
        open: 'show',
        laptop_command: 'ssh -L 8888:localhost:8888 bastion',
        note: 'the token is in the URL',
      }),
    ).toEqual([
      { label: 'Open', text: 'http://localhost:8888/?token=abc', copy: true, link: true },
      { label: 'Laptop', text: 'ssh -L 8888:localhost:8888 bastion', copy: true },
      { label: '', text: 'the token is in the URL', copy: false },
    ]);
    expect(connectItems({ kind: 'unavailable', reason: 'it is stopped' })).toEqual([
      { label: '', text: 'No way in now: it is stopped', copy: false },
    ]);
  });

  it('wraps every URL and command whole, and shrinks the others before the selected one', () => {
    const url = `http://localhost:8888/lab?token=${'f'.repeat(120)}`;
    const items = connectItems({
      kind: 'url',
      url,
      open: 'show',
      tunnel: {
        via: 'ssh',
        argv: [],
        command: 'ssh -N -L 8888:localhost:8888 alice@3.80.0.1',
        local_port: 8888,
        remote_port: 8888,
      },
    });
    const rows = connectLayout(items, 0, 76, 20);
    expect(
      rows
        .filter((row) => row.item === 0)
        .map((row) => row.text)
        .join(''),
    ).toBe(url);
    for (const row of rows) expect(row.prefix.length + row.text.length).toBeLessThanOrEqual(76);
    expect(rows[0]?.prefix).toBe('> Open   ');
    const tight = connectLayout(items, 1, 76, 3);
    expect(tight.filter((row) => row.item === 0)).toHaveLength(1);
    expect(
      tight
        .filter((row) => row.item === 1)
        .map((row) => row.text)
        .join(' '),
    ).toBe('ssh -N -L 8888:localhost:8888 alice@3.80.0.1');
  });

  it('names the region and the availability zone apart, and shows times as people read them', () => {
    const sections = workstationDetailsSections(workstation({}), NOW);
    const rows = sections.find((s) => s.title === 'Workstation')?.rows ?? [];
    expect(rows).toContainEqual(['Launched', '2026-11-01 09:00 UTC']);
    expect(rows.find(([label]) => label === 'Region')?.[1]).not.toMatch(/[a-z]$/);
    expect(readableTime('not a time')).toBe('not a time');
  });

  it('shows tags and recent events with their escape sequences removed', () => {
    const hostile = workstation({}, { tags: { Name: 'x', note: '\u001B]0;owned\u0007hi' } });
    const sections = workstationDetailsSections(hostile, NOW);
    const tags = sections.find((s) => s.title === 'Tags');
    expect(tags?.rows).toContainEqual(['note', 'hi']);
    const events = sections.find((s) => s.title === 'Recent events');
    expect(events?.rows[0]).toEqual(['running', '2026-11-02 10:30:00 UTC']);
  });
});
