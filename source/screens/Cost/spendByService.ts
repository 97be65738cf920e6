import type { CostReportItem } from '../../core/cost/costReport.js';

/** The spend of one AWS service: the sum of its lines in the cost report. */
export interface ServiceSpend {
  service: string;
  resources: number;
  rate_per_hour: number;
  today: number;
  month_to_date: number;
  projected_month: number;
  saved_this_month: number;
}

const SERVICE_OF: Record<Exclude<CostReportItem['kind'], 'metered'>, string> = {
  instance: 'EC2 workstations',
  'file-system': 'EFS file systems',
};

/** The report's lines summed per service, the dearest month first. */
export function spendByService(items: readonly CostReportItem[]): ServiceSpend[] {
  const byService = new Map<string, ServiceSpend>();
  for (const item of items) {
    const service = item.kind === 'metered' ? (item.service ?? 'Other services') : SERVICE_OF[item.kind];
    const spend = byService.get(service) ?? {
      service,
      resources: 0,
      rate_per_hour: 0,
      today: 0,
      month_to_date: 0,
      projected_month: 0,
      saved_this_month: 0,
    };
    spend.resources += 1;
    spend.rate_per_hour += item.rate_per_hour;
    spend.today += item.today;
    spend.month_to_date += item.month_to_date;
    spend.projected_month += item.projected_month;
    spend.saved_this_month += item.saved_this_month;
    byService.set(service, spend);
  }
  return [...byService.values()].sort(
    (a, b) => b.month_to_date - a.month_to_date || a.service.localeCompare(b.service),
  );
}
