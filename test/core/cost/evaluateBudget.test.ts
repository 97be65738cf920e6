import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { budgetSchema } from '../../../source/core/cost/Budget.js';
import { BudgetAlertStore } from '../../../source/core/cost/BudgetAlertStore.js';
import { budgetLaunchImpact } from '../../../source/core/cost/budgetLaunchImpact.js';
import { evaluateBudget } from '../../../source/core/cost/evaluateBudget.js';

const budget = budgetSchema.parse({
  monthly_limit: 500,
  thresholds: [50, 80, 100],
  actions: { '80': 'block', '100': 'hibernate' },
});

describe('budget schema', () => {
  it('defaults thresholds, actions and auto', () => {
    expect(budgetSchema.parse({ monthly_limit: 100 })).toEqual({
      monthly_limit: 100,
      thresholds: [50, 80, 100],
      actions: {},
      auto: false,
    });
  });

  it('says what is wrong, where', () => {
    const result = budgetSchema.safeParse({ monthly_limit: 0, thresholds: [50], actions: { '90': 'stop' } });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues).toContain('monthly_limit: the monthly limit is an amount in USD above 0');
    const wrongAction = budgetSchema.safeParse({
      monthly_limit: 10,
      thresholds: [50],
      actions: { '90': 'stop' },
    });
    expect(wrongAction.error?.issues[0]).toMatchObject({
      path: ['actions', '90'],
      message: 'the action is set for 90%, which is not one of the thresholds (50)',
    });
    expect(budgetSchema.safeParse({ monthly_limit: 10, actions: { '50': 'explode' } }).success).toBe(false);
  });
});

describe('evaluateBudget', () => {
  it('is ok below every threshold', () => {
    const result = evaluateBudget(budget, 100, 300, new Set());
    expect(result).toMatchObject({
      level: 'ok',
      crossed: [],
      fired: [],
      blocks_launch: false,
      percent_used: 20,
    });
    expect(result.projected_percent).toBe(60);
  });

  it('fires each threshold reached that has not fired yet, and warns', () => {
    const result = evaluateBudget(budget, 260, 600, new Set());
    expect(result.level).toBe('warning');
    expect(result.fired).toEqual([
      {
        threshold: 50,
        action: 'warn',
        percent_used: 52,
        message: 'Budget alert: $260.00 spent, 52% of the $500.00 budget (50% threshold).',
        requires_confirmation: false,
      },
    ]);
    expect(evaluateBudget(budget, 260, 600, new Set([50])).fired).toEqual([]);
  });

  it('blocks launches past a block threshold, with an explanation, for as long as spend stays past it', () => {
    const first = evaluateBudget(budget, 410, 600, new Set([50]));
    expect(first.fired.map((alert) => alert.threshold)).toEqual([80]);
    expect(first.blocks_launch).toBe(true);
    expect(first.block_reason).toBe(
      "This month's spend of $410.00 is 82% of the $500.00 budget; at 80% the budget blocks new launches. Stop something or ask an admin to raise the limit.",
    );
    const later = evaluateBudget(budget, 420, 600, new Set([50, 80]));
    expect(later.fired).toEqual([]);
    expect(later.blocks_launch).toBe(true);
  });

  it('asks to confirm stop and hibernate unless the admin set the budget to act alone', () => {
    const exceeded = evaluateBudget(budget, 500, 700, new Set([50, 80]));
    expect(exceeded.level).toBe('exceeded');
    expect(exceeded.fired).toMatchObject([
      { threshold: 100, action: 'hibernate', requires_confirmation: true },
    ]);
    const automatic = evaluateBudget({ ...budget, auto: true }, 500, 700, new Set([50, 80]));
    expect(automatic.fired[0]?.requires_confirmation).toBe(false);
  });

  it('shows what a launch would do to the projection', () => {
    const impact = budgetLaunchImpact(
      budget,
      300,
      1,
      new Date('2026-11-21T00:00:00Z'),
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(impact.projected_after).toBe(540);
    expect(impact.percent_before).toBe(60);
    expect(impact.percent_after).toBe(108);
    expect(impact.crosses).toEqual([80, 100]);
  });
});

describe('budget alerts fire exactly once', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cws-budget-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('across refreshes, and again in the next month', async () => {
    const store = new BudgetAlertStore(join(dir, 'budget-alerts.json'));
    // what each refresh does: evaluate against the record, then record what fired
    const firedAt = async (spent: number, month = '2026-11') => {
      const { fired: already } = await store.firedThresholds('profile:lab', month);
      const fired = evaluateBudget(budget, spent, spent, already).fired.map((alert) => alert.threshold);
      await store.recordFired('profile:lab', month, fired);
      return fired;
    };
    expect(await firedAt(100)).toEqual([]);
    expect(await firedAt(260)).toEqual([50]);
    expect(await firedAt(270)).toEqual([]);
    expect(await firedAt(520)).toEqual([80, 100]);
    expect(await firedAt(530)).toEqual([]);
    // a second store on the same file (another process, a restart) sees the same record
    const restarted = new BudgetAlertStore(join(dir, 'budget-alerts.json'));
    expect((await restarted.firedThresholds('profile:lab', '2026-11')).fired).toEqual(new Set([50, 80, 100]));
    expect(await firedAt(260, '2026-12')).toEqual([50]);
    expect((await restarted.firedThresholds('profile:other', '2026-12')).fired.size).toBe(0);
  });

  it('keeps an unreadable record as .bak and says so', async () => {
    const file = join(dir, 'budget-alerts.json');
    await writeFile(file, '{ not json');
    const store = new BudgetAlertStore(file);
    const result = await store.firedThresholds('profile:lab', '2026-11');
    expect(result.fired.size).toBe(0);
    expect(result.warning).toMatch(/unreadable .* kept as .*budget-alerts\.json\.bak-/);
    const backup = /kept as (\S+\.bak-\S+?)[;,)]?(\s|$)/.exec(result.warning ?? '')?.[1] ?? '';
    expect(await readFile(backup, 'utf8')).toBe('{ not json');
  });
});

describe('thresholds reached exactly', () => {
  it('fire despite floating-point sums', () => {
    const small = budgetSchema.parse({ monthly_limit: 1, thresholds: [80, 100] });
    // 0.7 + 0.1 is 0.7999999999999999 in floating point: still 80% of $1
    expect(evaluateBudget(small, 0.7 + 0.1, 1, new Set()).crossed).toEqual([80]);
    expect(evaluateBudget(small, 0.9 + 0.1 - Number.EPSILON, 1, new Set()).level).toBe('exceeded');
  });
});
