import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccrualRates } from '../../../source/core/cost/AccrualRates.js';
import { hourlyRateInState } from '../../../source/core/cost/AccrualRates.js';
import { accrueSpend } from '../../../source/core/cost/accrueSpend.js';
import { projectMonth } from '../../../source/core/cost/projectMonth.js';
import { savings } from '../../../source/core/cost/savings.js';
import { timeWindow } from '../../../source/core/cost/TimeWindow.js';
import { usageHours } from '../../../source/core/cost/usageHours.js';
import type { StateTransition } from '../../../source/core/ports.js';

const rates: AccrualRates = { compute_per_hour: 1, storage_per_hour: 0.1, hibernation_per_hour: 0.05 };
const at = (hour: number) => new Date(Date.UTC(2026, 10, 1, 0) + hour * 3_600_000).toISOString();
const window = (from: number, to: number) => timeWindow(at(from), at(to));

describe('accrueSpend', () => {
  it('accrues compute and storage while running', () => {
    expect(accrueSpend([{ at: at(0), state: 'running' }], window(0, 10), rates)).toBeCloseTo(11, 10);
  });

  it('accrues only storage while stopped, and nothing before the resource existed', () => {
    const history: StateTransition[] = [
      { at: at(2), state: 'pending' },
      { at: at(3), state: 'running' },
      { at: at(5), state: 'stopping' },
      { at: at(6), state: 'stopped' },
    ];
    // pending 1 h storage, running 2 h, stopping 1 h storage, stopped 4 h storage
    expect(accrueSpend(history, window(0, 10), rates)).toBeCloseTo(0.1 + 2.2 + 0.1 + 0.4, 10);
  });

  it('accrues storage and the RAM snapshot while hibernated, and compute while hibernating', () => {
    const history: StateTransition[] = [
      { at: at(0), state: 'running' },
      { at: at(2), state: 'stopping' },
      { at: at(2.5), state: 'hibernated' },
      { at: at(5.5), state: 'pending' },
      { at: at(6), state: 'running' },
    ];
    const usage = usageHours(history, window(0, 8));
    expect(usage).toEqual({ compute: 4.5, storage: 8, hibernation: 3, stopped: 0 });
    expect(accrueSpend(history, window(0, 8), rates)).toBeCloseTo(4.5 + 0.8 + 0.15, 10);
  });

  it('stops accruing when terminated mid-month', () => {
    const history: StateTransition[] = [
      { at: at(0), state: 'running' },
      { at: at(4), state: 'shutting-down' },
      { at: at(4.5), state: 'terminated' },
    ];
    expect(accrueSpend(history, window(0, 100), rates)).toBeCloseTo(4.4 + 0.05, 10);
    expect(accrueSpend(history, window(5, 100), rates)).toBe(0);
  });

  it('counts only the part of a history inside the window (month boundary)', () => {
    const history: StateTransition[] = [{ at: '2026-10-31T20:00:00Z', state: 'running' }];
    const november = timeWindow('2026-11-01T00:00:00Z', '2026-11-01T01:30:00Z');
    expect(accrueSpend(history, november, rates)).toBeCloseTo(1.5 * 1.1, 10);
  });

  it('orders an unordered history before accruing', () => {
    const ordered: StateTransition[] = [
      { at: at(0), state: 'running' },
      { at: at(1), state: 'stopped' },
      { at: at(3), state: 'running' },
    ];
    const shuffled = [ordered[2]!, ordered[0]!, ordered[1]!];
    expect(accrueSpend(shuffled, window(0, 5), rates)).toBeCloseTo(
      accrueSpend(ordered, window(0, 5), rates),
      12,
    );
  });

  it('is additive over adjacent windows', () => {
    const states = ['pending', 'running', 'stopping', 'stopped', 'hibernated', 'shutting-down'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(...states)), { maxLength: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (steps, cut, length) => {
          const history = steps
            .sort((a, b) => a[0] - b[0])
            .map(([hour, state]): StateTransition => ({ at: at(hour / 10), state }));
          const whole = accrueSpend(history, window(0, (cut + length) / 10), rates);
          const parts =
            accrueSpend(history, window(0, cut / 10), rates) +
            accrueSpend(history, window(cut / 10, (cut + length) / 10), rates);
          expect(whole).toBeCloseTo(parts, 9);
        },
      ),
    );
  });
});

describe('rates, projection and savings', () => {
  it('gives the hourly rate of each state', () => {
    expect(hourlyRateInState('running', rates)).toBeCloseTo(1.1, 12);
    expect(hourlyRateInState('stopped', rates)).toBeCloseTo(0.1, 12);
    expect(hourlyRateInState('hibernated', rates)).toBeCloseTo(0.15, 12);
    expect(hourlyRateInState('terminated', rates)).toBe(0);
  });

  it('projects the month from the burn rate', () => {
    expect(projectMonth(100, 2, new Date('2026-11-30T00:00:00Z'), new Date('2026-12-01T00:00:00Z'))).toBe(
      148,
    );
    expect(projectMonth(100, 2, new Date('2026-12-02T00:00:00Z'), new Date('2026-12-01T00:00:00Z'))).toBe(
      100,
    );
  });

  it('counts what stopping and hibernating saved against running all the time', () => {
    const history: StateTransition[] = [
      { at: at(0), state: 'running' },
      { at: at(2), state: 'stopped' },
      { at: at(6), state: 'running' },
      { at: at(7), state: 'stopping' },
      { at: at(7), state: 'hibernated' },
    ];
    const result = savings(usageHours(history, window(0, 10)), rates);
    // 10 h existed, 3 h running: 7 h of compute saved, less 3 h of RAM snapshot
    expect(result.usd).toBeCloseTo(7 - 0.15, 10);
    expect(result.stopped_hours).toBe(4);
    expect(result.hibernated_hours).toBe(3);
  });

  it('rejects a reversed or unparseable window', () => {
    expect(() => timeWindow('2026-11-02', '2026-11-01')).toThrow(/ends .* before it starts/);
    expect(() => timeWindow('yesterday', '2026-11-01')).toThrow('"yesterday" is not a date or time');
  });
});
