import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type {
  QuickSightDashboard,
  QuickSightPort,
  QuickSightSubscription,
  QuickSightUser,
} from '../../../core/analytics/quickSightPorts.js';
import { CloudError } from '../../../core/CloudError.js';

/**
 * The file that switches the demo account's QuickSight subscription on. Off by default, as in most
 * accounts, so that the demo's cost report carries no per-user line nobody asked for.
 */
export const DEMO_QUICKSIGHT_ON = 'demo-quicksight-on';

const DASHBOARD: QuickSightDashboard = {
  id: 'cws-lab-spend',
  name: 'Lab spend by project and service',
  updated_at: '2026-12-01T08:00:00.000Z',
};

/** QuickSight on the demo account: when on, Enterprise, one author and two readers, the lab-spend dashboard. */
export class DemoQuickSight implements QuickSightPort {
  constructor(private readonly stateDir: string) {}

  private get subscribed(): boolean {
    return existsSync(join(this.stateDir, DEMO_QUICKSIGHT_ON));
  }

  private requireSubscription(): void {
    if (!this.subscribed)
      throw new CloudError({
        kind: 'not-found',
        code: 'ResourceNotFoundException',
        message: 'QuickSight: the account is not signed up for Amazon QuickSight',
        hint: '`cws-tui quicksight status` says what enabling it costs.',
      });
  }

  async subscription(): Promise<QuickSightSubscription> {
    return this.subscribed
      ? { status: 'active', edition: 'ENTERPRISE', account_name: 'cws-demo-lab' }
      : { status: 'none' };
  }

  async listUsers(accountId: string, region: string): Promise<QuickSightUser[]> {
    this.requireSubscription();
    const arn = (name: string) => `arn:aws:quicksight:${region}:${accountId}:user/default/${name}`;
    return [
      { name: 'demo', role: 'AUTHOR', arn: arn('demo') },
      { name: 'ana', role: 'READER', arn: arn('ana') },
      { name: 'ben', role: 'READER', arn: arn('ben') },
    ];
  }

  async listDashboards(): Promise<QuickSightDashboard[]> {
    this.requireSubscription();
    return [DASHBOARD];
  }

  async embedUrl(_accountId: string, region: string, dashboardId: string): Promise<string> {
    this.requireSubscription();
    if (dashboardId !== DASHBOARD.id)
      throw new CloudError({
        kind: 'not-found',
        code: 'ResourceNotFoundException',
        message: `QuickSight: dashboard ${dashboardId} does not exist`,
        hint: '`cws-tui quicksight status` lists the dashboards.',
      });
    return `https://${region}.quicksight.aws.amazon.com/embed/demo/dashboards/${dashboardId}?isauthcode=true&identityprovider=quicksight&code=demo`;
  }
}
