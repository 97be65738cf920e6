import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type {
  QuickSightAsset,
  QuickSightDashboard,
  QuickSightPort,
  QuickSightSubscription,
  QuickSightUser,
} from '../../../core/analytics/quickSightPorts.js';
import { CloudError } from '../../../core/CloudError.js';
import { demoQuickSightStore } from './DemoQuickSightStore.js';

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
  private readonly store: ReturnType<typeof demoQuickSightStore>;

  constructor(
    private readonly stateDir: string,
    private readonly now: () => number = Date.now,
  ) {
    this.store = demoQuickSightStore(stateDir);
  }

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
    const registered = (await this.store.read()).users;
    return [
      // The demo caller (DemoIdentity's IAM user) is the author, so it can build and open dashboards.
      { name: 'demo-researcher', role: 'AUTHOR', arn: arn('demo-researcher') },
      { name: 'ana', role: 'READER', arn: arn('ana') },
      { name: 'ben', role: 'READER', arn: arn('ben') },
      ...registered.map((user) => ({ name: user.name, role: user.role, arn: arn(user.name) })),
    ];
  }

  async listDashboards(_accountId: string, region: string): Promise<QuickSightDashboard[]> {
    this.requireSubscription();
    const made = (await this.store.read()).assets.filter(
      (asset) => asset.kind === 'dashboard' && asset.region === region && asset.id !== DASHBOARD.id,
    );
    return [
      DASHBOARD,
      ...made.map((asset) => ({ id: asset.id, name: asset.name, updated_at: asset.created_at })),
    ];
  }

  readonly registerUser: QuickSightPort['registerUser'] = async (accountId, region, spec) => {
    this.requireSubscription();
    // QuickSight names an IAM role's user `role/session`, an IAM user's by the user's name.
    const name =
      spec.identity.type === 'QUICKSIGHT'
        ? spec.identity.user_name
        : `${spec.identity.iam_arn.split('/').pop() ?? ''}${spec.identity.session_name ? `/${spec.identity.session_name}` : ''}`;
    const taken = (await this.listUsers(accountId, region)).some((user) => user.name === name);
    if (taken)
      throw new CloudError({
        kind: 'conflict',
        code: 'ResourceExistsException',
        message: `QuickSight: ${name} is already registered`,
        hint: '`cws-tui quicksight status` lists the users and their roles.',
      });
    await this.store.update((state) => {
      state.users.push({ name, role: spec.role, email: spec.email });
    });
    return { name, role: spec.role, arn: `arn:aws:quicksight:${region}:${accountId}:user/default/${name}` };
  };

  private async create(
    kind: 'datasource' | 'dataset' | 'dashboard',
    accountId: string,
    region: string,
    spec: { id: string; name: string; owner_arn: string },
  ): Promise<QuickSightAsset> {
    this.requireSubscription();
    if (!(await this.listUsers(accountId, region)).some((user) => user.arn === spec.owner_arn))
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'InvalidParameterValueException',
        message: `QuickSight: the principal ${spec.owner_arn} is not a registered user`,
        hint: 'Register yourself first: `cws-tui quicksight register <name> author --email you@lab.edu`.',
      });
    const arn = `arn:aws:quicksight:${region}:${accountId}:${kind}/${spec.id}`;
    const created = await this.store.update((state) => {
      if (
        state.assets.some((asset) => asset.kind === kind && asset.id === spec.id && asset.region === region)
      )
        return false;
      state.assets.push({
        kind,
        id: spec.id,
        name: spec.name,
        region,
        created_at: new Date(this.now()).toISOString(),
      });
      return true;
    });
    return { id: spec.id, arn, created };
  }

  readonly createAthenaDataSource: QuickSightPort['createAthenaDataSource'] = (accountId, region, spec) =>
    this.create('datasource', accountId, region, spec);

  readonly createDataSet: QuickSightPort['createDataSet'] = (accountId, region, spec) =>
    this.create('dataset', accountId, region, spec);

  readonly createDashboard: QuickSightPort['createDashboard'] = (accountId, region, spec) =>
    this.create('dashboard', accountId, region, spec);

  async embedUrl(_accountId: string, region: string, dashboardId: string): Promise<string> {
    this.requireSubscription();
    const made = (await this.store.read()).assets.some(
      (asset) => asset.kind === 'dashboard' && asset.id === dashboardId && asset.region === region,
    );
    if (dashboardId !== DASHBOARD.id && !made)
      throw new CloudError({
        kind: 'not-found',
        code: 'ResourceNotFoundException',
        message: `QuickSight: dashboard ${dashboardId} does not exist`,
        hint: '`cws-tui quicksight status` lists the dashboards.',
      });
    return `https://${region}.quicksight.aws.amazon.com/embed/demo/dashboards/${dashboardId}?isauthcode=true&identityprovider=quicksight&code=demo`;
  }
}
