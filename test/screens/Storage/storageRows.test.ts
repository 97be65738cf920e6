import { describe, expect, it } from 'vitest';
import { fileSystemRows } from '../../../source/screens/Storage/fileSystemRows.js';

describe('fileSystemRows', () => {
  it('names a Studio home left by a deleted domain as such, with the command that deletes it', () => {
    const rows = fileSystemRows({
      file_systems: [
        {
          id: 'fs-0home',
          name: 'studio-home-d-abc',
          region: 'us-east-1',
          state: 'available',
          size_bytes: 1024,
          created_at: '2026-11-01T00:00:00.000Z',
          tags: { 'cws:managed': 'true', 'cws:studio-domain': 'd-abc' },
          access_points: [],
          left_by_domain: 'd-abc',
          note: 'left by a deleted domain (d-abc): delete with cws-tui storage delete fs-0home --region us-east-1 --yes',
        },
      ],
      volumes: [],
      data_volumes: [],
      studio_homes: [],
      fsx: [],
      notes: [],
    });
    expect(rows[0]?.name).toBe(
      'studio-home-d-abc (left by a deleted domain; cws-tui storage delete fs-0home)',
    );
  });
});
