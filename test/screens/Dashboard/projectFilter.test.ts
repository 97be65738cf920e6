import { describe, expect, it } from 'vitest';
import type { Workstation } from '../../../source/core/workstations/Workstation.js';
import { filterWorkstations } from '../../../source/screens/Dashboard/filterWorkstations.js';
import { parseProjectFilter } from '../../../source/screens/Dashboard/projectFilter.js';
import { sortWorkstations } from '../../../source/screens/Dashboard/sortWorkstations.js';

function row(
  id: string,
  name: string,
  project?: string,
  state: Workstation['state'] = 'running',
): Workstation {
  return {
    id,
    name,
    kind: 'ec2',
    template: 'python-ml',
    region: 'us-east-1',
    state,
    hibernated: false,
    instance_type: 't3.medium',
    launched_at: '2026-11-01T09:00:00Z',
    research_user: 'alice',
    connect: 'ssh',
    ...(project ? { project } : {}),
  };
}

const rows = [
  row('i-1', 'seq-1', 'genomics'),
  row('i-2', 'bio-box', 'bio'),
  row('i-3', 'misc'),
  row('i-4', 'seq-2', 'Genomics', 'stopped'),
  row('i-5', 'seq-3', 'biology'),
];
const ids = (filter: string) => filterWorkstations(rows, filter).map((w) => w.id);

describe('the dashboard filter by project', () => {
  it('keeps only the named project, whole name and any case', () => {
    expect(ids('project:genomics')).toEqual(['i-1', 'i-4']);
    expect(ids('project:bio')).toEqual(['i-2']);
    expect(ids('PROJECT:BIOLOGY')).toEqual(['i-5']);
    expect(ids('project:none-such')).toEqual([]);
  });

  it('keeps the rows without a project with project:-', () => {
    expect(ids('project:-')).toEqual(['i-3']);
  });

  it('combines with the plain words, on either side of the term', () => {
    expect(ids('project:genomics stopped')).toEqual(['i-4']);
    expect(ids('seq project:biology')).toEqual(['i-5']);
    expect(ids('bio')).toEqual(['i-2', 'i-5']);
  });

  it('reads an empty project: as no project term', () => {
    expect(parseProjectFilter('project: seq')).toEqual({ words: 'seq' });
    expect(ids('project:')).toEqual(rows.map((w) => w.id));
  });
});

describe('grouping by project (sort key o)', () => {
  it('puts the rows of a project together, those without one first, names in order within', () => {
    const grouped = sortWorkstations(rows, { key: 'project', descending: false }, 0).map(
      (w) => `${w.project ?? '-'} ${w.name}`,
    );
    expect(grouped).toEqual(['- misc', 'bio bio-box', 'biology seq-3', 'genomics seq-1', 'Genomics seq-2']);
  });
});
