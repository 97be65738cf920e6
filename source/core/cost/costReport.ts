import type { StateTransition } from '../ports.js';
import type { TimeSlicer } from '../slicing/TimeSlicer.js';
import { compareText } from '../text/compareText.js';
import { type AccrualState, hourlyRateInState } from './AccrualRates.js';
import { costOfUsage } from './accrueSpend.js';
import type { Budget } from './Budget.js';
import type { CostResource } from './CostResource.js';
import { DAILY_SPEND_DAYS, type DailySpend, lastZonedDays } from './dailySpend.js';
import { type Discounts, withDiscounts } from './discounts.js';
import { type BudgetEvaluation, evaluateBudget } from './evaluateBudget.js';
import type { BilledSpendResult } from './loadBilledSpend.js';
import type { PriceCatalog } from './PriceCatalog.js';
import type { PriceSource } from './PriceQuote.js';
import { projectMonth } from './projectMonth.js';
import { resourceRates } from './resourceRates.js';
import { savings } from './savings.js';
import type { TimeWindow } from './TimeWindow.js';
import { stateAt, timedHistory, usageHoursOf } from './usageHours.js';
import {
  assertTimeZone,
  startOfNextZonedMonth,
  startOfZonedDay,
  startOfZonedMonth,
} from './zonedCalendar.js';

/** One resource's line: always an estimate from its state history and the price catalog. */
export interface CostReportItem {
  id: string;
  name: string;
  kind: CostResource['kind'];
  /** The service of a `metered` line ("FSx for Lustre"), as the cost page groups it. */
  service?: string;
  region: string;
  instance_type?: string;
  /** Its state now (`available` for a file system). */
  state: AccrualState | 'available';
  basis: 'estimate';
  price_source: PriceSource;
  rate_per_hour: number;
  today: number;
  month_to_date: number;
  projected_month: number;
  /** Spend inside the requested window, when one was given. */
  window_total?: number;
  /** What stopping and hibernating saved this month, against running all the time. */
  saved_this_month: number;
  stopped_hours_this_month: number;
  hibernated_hours_this_month: number;
  /** Read-only: items with equal notes share one list. */
  notes: readonly string[];
}

/** The single source of the figures the cost panel shows and `cost --json` prints. */
export interface CostReport {
  generated_at: string;
  time_zone: string;
  currency: 'USD';
  basis: 'estimate';
  burn_rate_per_hour: number;
  today: number;
  month_to_date: number;
  projected_month: number;
  saved_this_month: number;
  month: { from: string; to: string };
  /** `until_now`: the window asked for reached past now and was cut there (time after now is not spend). */
  window?: { from: string; to: string; total: number; until_now?: boolean };
  /** Spend per calendar day of the last two weeks, oldest first, today last: the sparkline. */
  daily: DailySpend[];
  budget?: BudgetEvaluation;
  /** Spend as AWS billed it, from Cost Explorer, when the profile enables it. */
  billed?: BilledSpendResult;
  items: CostReportItem[];
  /** Notes that apply to the figures, each once (price sources, fallbacks, gaps). */
  notes: string[];
}

export interface CostReportInput {
  resources: readonly CostResource[];
  now: Date;
  catalog: PriceCatalog;
  /** The IANA zone "today" and "this month" are counted in. */
  timeZone: string;
  discounts?: Discounts;
  budget?: Budget;
  /** Budget thresholds that already fired this month (from the budget alert store). */
  budgetFired?: ReadonlySet<number>;
  window?: TimeWindow;
  billed?: BilledSpendResult;
}

function resourceHistory(resource: CostResource): readonly StateTransition[] {
  if (resource.kind === 'instance' || resource.kind === 'metered') return resource.transitions;
  const history: StateTransition[] = [{ at: resource.created_at, state: 'running' }];
  if (resource.deleted_at) history.push({ at: resource.deleted_at, state: 'terminated' });
  return history;
}

/**
 * Builds the cost report of a set of resources at `now`: the burn rate, today, month to date and
 * the month's projection (in `timeZone`), per resource and in total, with the budget's status.
 * Amounts are unrounded; presentation rounds them to cents with `formatUsd`/`costReportJson`.
 */
export function buildCostReport(input: CostReportInput): CostReport {
  const builder = new CostReportBuilder(input);
  for (const resource of input.resources) builder.add(resource);
  return builder.finish();
}

/**
 * The same report built in slices of `slicer`'s length, handing the event loop a turn between them:
 * the TUI's cost refresh at 10,000 workstations never holds a keypress back for long.
 */
export async function buildCostReportInSlices(
  input: CostReportInput,
  slicer: TimeSlicer,
): Promise<CostReport> {
  const builder = new CostReportBuilder(input);
  await slicer.forEach(input.resources, (resource) => builder.add(resource));
  if (slicer.due()) await slicer.nextTurn();
  return builder.finish();
}

/** A cost report resource by resource: `add` each, then `finish`. */
class CostReportBuilder {
  private readonly discounts: Discounts;
  private readonly catalog: PriceCatalog;
  private readonly window: TimeWindow | undefined;
  private readonly nowMs: number;
  private readonly today: TimeWindow;
  private readonly month: TimeWindow;
  private readonly monthEnd: Date;
  private readonly notes = new Set<string>();
  /**
   * Lines with equal notes share one frozen list: 10,000 workstations priced from one snapshot all
   * say the same, and 10,000 copies of it were 0.5 MB held as long as the report is shown.
   */
  private readonly noteLists = new Map<string, readonly string[]>();
  private readonly items: CostReportItem[] = [];
  private readonly days: ReturnType<typeof lastZonedDays>;
  private readonly daily: DailySpend[];

  constructor(private readonly input: CostReportInput) {
    assertTimeZone(input.timeZone);
    this.discounts = input.discounts ?? {};
    this.catalog = withDiscounts(input.catalog, this.discounts);
    this.window = input.window ? windowUntilNow(input.window, input.now) : undefined;
    const now = input.now;
    this.nowMs = now.getTime();
    this.today = { from: startOfZonedDay(now, input.timeZone), to: now };
    this.month = { from: startOfZonedMonth(now, input.timeZone), to: now };
    this.monthEnd = startOfNextZonedMonth(now, input.timeZone);
    this.days = lastZonedDays(now, input.timeZone, DAILY_SPEND_DAYS);
    this.daily = this.days.map((day) => ({ date: day.date, amount: 0 }));
  }

  add(resource: CostResource): void {
    const { window, notes, daily } = this;
    const priced = resourceRates(resource, this.catalog, this.discounts);
    const history = timedHistory(resourceHistory(resource));
    const state = stateAt(history, this.nowMs);
    const rate = hourlyRateInState(state, priced.rates);
    const monthUsage = usageHoursOf(history, this.month);
    const charged = chargesIn(resource);
    const monthToDate = costOfUsage(monthUsage, priced.rates) + charged(this.month);
    const saved = savings(monthUsage, priced.rates);
    const itemNotes = [...priced.notes];
    if (resource.kind === 'instance' && resource.history_note) itemNotes.push(resource.history_note);
    if (resource.kind === 'file-system') itemNotes.push('EFS priced on its current size');
    for (const note of itemNotes) notes.add(note);
    const item: CostReportItem = {
      id: resource.id,
      name: resource.name,
      kind: resource.kind,
      region: resource.region,
      state: resource.kind === 'file-system' && state !== 'terminated' ? 'available' : state,
      basis: 'estimate',
      price_source: priced.source,
      rate_per_hour: rate,
      today: costOfUsage(usageHoursOf(history, this.today), priced.rates) + charged(this.today),
      month_to_date: monthToDate,
      projected_month: projectMonth(monthToDate, rate, this.input.now, this.monthEnd),
      saved_this_month: saved.usd,
      stopped_hours_this_month: saved.stopped_hours,
      hibernated_hours_this_month: saved.hibernated_hours,
      notes: this.sharedNotes(itemNotes),
      // Spread into the literal rather than set after it: V8 then makes room for them in the object
      // itself instead of a side array for each of 10,000 lines (48 bytes each).
      ...(resource.kind === 'instance' ? { instance_type: resource.instance_type } : {}),
      ...(resource.kind === 'metered' ? { service: resource.service } : {}),
      ...(window
        ? { window_total: costOfUsage(usageHoursOf(history, window), priced.rates) + charged(window) }
        : {}),
    };
    // A resource gone before this month (still in the ledger for last month's view) is no line.
    this.days.forEach((day, index) => {
      const spent = daily[index];
      if (spent)
        spent.amount += costOfUsage(usageHoursOf(history, day.window), priced.rates) + charged(day.window);
    });
    if (state === 'terminated' && monthToDate === 0 && !item.window_total) return;
    this.items.push(item);
  }

  private sharedNotes(notes: string[]): readonly string[] {
    const key = notes.join('\n');
    const known = this.noteLists.get(key);
    if (known) return known;
    this.noteLists.set(key, Object.freeze(notes));
    return notes;
  }

  finish(): CostReport {
    const { input, items, window } = this;
    const now = input.now;
    items.sort(
      (a, b) => b.month_to_date - a.month_to_date || compareText(a.name, b.name) || compareText(a.id, b.id),
    );
    const sum = (pick: (item: CostReportItem) => number): number =>
      items.reduce((total, item) => total + pick(item), 0);
    const monthToDate = sum((item) => item.month_to_date);
    const projected = sum((item) => item.projected_month);
    const report: CostReport = {
      generated_at: now.toISOString(),
      time_zone: input.timeZone,
      currency: 'USD',
      basis: 'estimate',
      burn_rate_per_hour: sum((item) => item.rate_per_hour),
      today: sum((item) => item.today),
      month_to_date: monthToDate,
      projected_month: projected,
      saved_this_month: sum((item) => item.saved_this_month),
      month: { from: this.month.from.toISOString(), to: this.monthEnd.toISOString() },
      daily: this.daily,
      items,
      notes: [...this.notes],
    };
    if (input.window && window) {
      report.window = {
        from: window.from.toISOString(),
        to: window.to.toISOString(),
        total: sum((item) => item.window_total ?? 0),
        ...(input.window.to > window.to ? { until_now: true } : {}),
      };
    }
    if (input.budget) {
      report.budget = evaluateBudget(input.budget, monthToDate, projected, input.budgetFired ?? new Set());
    }
    if (input.billed) report.billed = input.billed;
    return report;
  }
}

/** The one-off charges of a metered resource inside a window (none for other kinds). */
function chargesIn(resource: CostResource): (window: TimeWindow) => number {
  const charges = resource.kind === 'metered' ? (resource.charges ?? []) : [];
  if (charges.length === 0) return () => 0;
  const timed = charges.map((charge) => ({ at: Date.parse(charge.at), usd: charge.usd }));
  return (window) => {
    const from = window.from.getTime();
    const to = window.to.getTime();
    return timed.reduce((sum, charge) => (charge.at >= from && charge.at < to ? sum + charge.usd : sum), 0);
  };
}

/** Time after now is not spend: a window reaching past now stops there; one wholly ahead is empty. */
export function windowUntilNow(window: TimeWindow, now: Date): TimeWindow {
  const to = new Date(Math.min(window.to.getTime(), now.getTime()));
  return { from: window.from > to ? to : window.from, to };
}
