import { describe, expect, it } from 'vitest';
import { sparkApplicationFindings } from '../../../source/core/bigdata/sparkApplicationFindings.js';
import { sparkApplicationFixture } from './sparkApplicationFixture.js';

const application = sparkApplicationFixture('warm', {
  created_at: '2026-12-06T00:00:00.000Z',
  updated_at: '2026-12-06T01:00:00.000Z',
});

describe('sparkApplicationFindings', () => {
  it('finds no auto-stop and warm workers idle for an hour, with their hourly cost', () => {
    const findings = sparkApplicationFindings(application, [], new Date('2026-12-06T02:30:00Z'));
    expect(findings.map((finding) => finding.kind)).toEqual(['no-auto-stop', 'idle-warm-capacity']);
    expect(findings[1]!.message).toBe(
      'warm has been started without a run for 90 minutes (its warm workers cost $0.3030/h): cws-tui bigdata stop warm',
    );
  });

  it('finds nothing for an application that stops itself and has just run', () => {
    const recent = {
      id: 'r1',
      application_id: 'a1',
      name: 'r',
      state: 'SUCCESS' as const,
      created_at: '2026-12-06T02:00:00.000Z',
      updated_at: '2026-12-06T02:20:00.000Z',
      entry_point: 's3://b/x.py',
      arguments: [],
    };
    expect(
      sparkApplicationFindings(
        { ...application, auto_stop_idle_minutes: 15 },
        [recent],
        new Date('2026-12-06T02:30:00Z'),
      ),
    ).toEqual([]);
  });
});
