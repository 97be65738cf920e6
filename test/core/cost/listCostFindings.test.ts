import { describe, expect, it } from 'vitest';
import type {
  CostFinding,
  CostFindingSource,
  FindingContext,
} from '../../../source/core/cost/CostFinding.js';
import { listCostFindings } from '../../../source/core/cost/listCostFindings.js';
import type { CloudAccount } from '../../../source/core/ports.js';

const context: FindingContext = {
  account: {} as CloudAccount,
  regions: ['us-east-1'],
  now: new Date('2026-12-06T08:00:00Z'),
  workstations: async () => [],
};

function finding(resource: string, monthly?: number): CostFinding {
  return {
    service: 'X',
    resource,
    kind: 'idle',
    what: `${resource} is idle`,
    ...(monthly === undefined ? {} : { monthly_saving_usd: monthly }),
    fix: `fix ${resource}`,
  };
}

function source(service: string, findings: CostFinding[]): CostFindingSource {
  return { service, list: async () => findings };
}

describe('listCostFindings', () => {
  it('merges every source, biggest saving first, unpriced last, and totals the known savings', async () => {
    const result = await listCostFindings(
      [
        source('Storage', [finding('small', 1.25), finding('unknown')]),
        source('EMR', [finding('big', 300.1), finding('mid', 20.2)]),
      ],
      context,
    );
    expect(result.findings.map((f) => f.resource)).toEqual(['big', 'mid', 'small', 'unknown']);
    expect(result.monthly_saving_usd).toBe(321.55);
    expect(result.unpriced).toBe(1);
    expect(result.notes).toEqual([]);
  });

  it('turns a failing source into a note naming its service, and still shows the others', async () => {
    const failing: CostFindingSource = {
      service: 'EMR',
      list: async () => {
        throw new Error('AccessDeniedException: not authorized to perform emr:ListClusters');
      },
    };
    const result = await listCostFindings([failing, source('Storage', [finding('homes', 4)])], context);
    expect(result.findings.map((f) => f.resource)).toEqual(['homes']);
    expect(result.monthly_saving_usd).toBe(4);
    expect(result.notes).toEqual([
      'EMR findings are not shown: AccessDeniedException: not authorized to perform emr:ListClusters',
    ]);
  });

  it('has nothing to say when no source finds anything', async () => {
    expect(await listCostFindings([source('Storage', [])], context)).toEqual({
      findings: [],
      monthly_saving_usd: 0,
      unpriced: 0,
      notes: [],
    });
  });
});
