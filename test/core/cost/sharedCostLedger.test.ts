import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CostLedger, costLedgerFile } from '../../../source/core/cost/CostLedger.js';
import { sharedCostLedger } from '../../../source/core/cost/sharedCostLedger.js';
import * as jsonFiles from '../../../source/core/fs/readJsonFileOrSetAside.js';

describe('sharedCostLedger', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cws-shared-ledger-'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('hands every report of a file the same ledger, and another file its own', () => {
    const file = costLedgerFile(dir, 'demo-default');
    const ledger = sharedCostLedger(file);
    expect(ledger).toBeInstanceOf(CostLedger);
    expect(sharedCostLedger(file)).toBe(ledger);
    expect(sharedCostLedger(costLedgerFile(dir, 'aws-lab'))).not.toBe(ledger);
  });

  it('lets the next report use what the last one wrote instead of parsing the file again', async () => {
    const file = costLedgerFile(dir, 'demo-lab');
    const listed = [
      {
        kind: 'file-system' as const,
        id: 'fs-1',
        name: 'shared',
        region: 'us-east-1',
        size_gb: 10,
        created_at: '2026-11-01T00:00:00Z',
      },
    ];
    await sharedCostLedger(file).merge(listed, ['us-east-1'], new Date('2026-11-02T00:00:00Z'));
    const reads = vi.spyOn(jsonFiles, 'readJsonFileOrSetAside');
    const { resources } = await sharedCostLedger(file).merge(
      listed,
      ['us-east-1'],
      new Date('2026-11-02T00:00:30Z'),
    );
    expect(resources).toEqual(listed);
    expect(reads).not.toHaveBeenCalled();
  });
});
