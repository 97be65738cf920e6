/**
 * Every page the shell can show. To add a screen: write `source/screens/<Name>/<Name>Screen.tsx` (a
 * component taking `ScreenProps` that calls `useActions(actions)`), then add one line below, e.g.
 *   {
    id: EVENTS_PAGE,
    title: () => 'Events',
    component: EventsScreen,
    command: 'events',
    summary: 'every notice, warning, error and alert of this session',
  },
  { id: 'cost', title: () => 'Cost', component: CostScreen, command: 'cost', summary: 'spend and budgets' },
 * The palette offers only registered commands, so a page that does not exist is never offered.
 */
import { DashboardScreen } from '../../screens/Dashboard/DashboardScreen.js';
import { HelpScreen } from '../../screens/Help/HelpScreen.js';
import { lazyScreen } from './lazyScreen.js';
import type { PageDefinition } from './PageDefinition.js';
import { DASHBOARD_PAGE, EVENTS_PAGE, HELP_PAGE } from './pageIds.js';

// Loaded when first opened: the first frame only needs the dashboard and help.
const CostScreen = lazyScreen(() => import('../../screens/Cost/CostScreen.js'), 'CostScreen');
const WorkstationDetailsScreen = lazyScreen(
  () => import('../../screens/Dashboard/WorkstationDetailsScreen.js'),
  'WorkstationDetailsScreen',
);
const LaunchWizardScreen = lazyScreen(
  () => import('../../screens/LaunchWizard/LaunchWizardScreen.js'),
  'LaunchWizardScreen',
);
const PolicyScreen = lazyScreen(() => import('../../screens/Policy/PolicyScreen.js'), 'PolicyScreen');
const ProfilesScreen = lazyScreen(() => import('../../screens/Profiles/ProfilesScreen.js'), 'ProfilesScreen');
const ServicesScreen = lazyScreen(() => import('../../screens/Services/ServicesScreen.js'), 'ServicesScreen');
const StorageScreen = lazyScreen(() => import('../../screens/Storage/StorageScreen.js'), 'StorageScreen');
const TeamScreen = lazyScreen(() => import('../../screens/Team/TeamScreen.js'), 'TeamScreen');
const TemplateDetailsScreen = lazyScreen(
  () => import('../../screens/Templates/TemplateDetailsScreen.js'),
  'TemplateDetailsScreen',
);
const WorkstationOpsScreen = lazyScreen(
  () => import('../../screens/WorkstationOps/WorkstationOpsScreen.js'),
  'WorkstationOpsScreen',
);
const RightsizeScreen = lazyScreen(
  () => import('../../screens/Rightsize/RightsizeScreen.js'),
  'RightsizeScreen',
);
const HpcScreen = lazyScreen(() => import('../../screens/Hpc/HpcScreen.js'), 'HpcScreen');
const EventsScreen = lazyScreen(() => import('../../screens/Events/EventsScreen.js'), 'EventsScreen');
const TemplatesScreen = lazyScreen(
  () => import('../../screens/Templates/TemplatesScreen.js'),
  'TemplatesScreen',
);

const MarketplaceScreen = lazyScreen(
  () => import('../../screens/Marketplace/MarketplaceScreen.js'),
  'MarketplaceScreen',
);

export { DASHBOARD_PAGE, EVENTS_PAGE, HELP_PAGE } from './pageIds.js';

export const pages: readonly PageDefinition[] = [
  {
    id: DASHBOARD_PAGE,
    title: () => 'Dashboard',
    component: DashboardScreen,
    command: 'dashboard',
    summary: 'workstations and web services',
  },
  {
    id: HELP_PAGE,
    title: () => 'Help',
    component: HelpScreen,
    command: 'help',
    summary: 'keys and commands',
  },
  {
    id: 'launch',
    title: () => 'Launch',
    component: LaunchWizardScreen,
    command: 'launch',
    summary: 'launch a workstation from a template',
    mutating: true,
  },
  {
    id: EVENTS_PAGE,
    title: () => 'Events',
    component: EventsScreen,
    command: 'events',
    summary: 'every notice, warning, error and alert of this session',
  },
  { id: 'cost', title: () => 'Cost', component: CostScreen, command: 'cost', summary: 'spend and budget' },
  {
    id: 'services',
    title: () => 'Services',
    component: ServicesScreen,
    command: 'services',
    summary: 'web services: SageMaker, Jupyter, RStudio, VS Code',
  },
  {
    id: 'athena',
    title: () => 'Athena',
    component: lazyScreen(() => import('../../screens/Athena/AthenaScreen.js'), 'AthenaScreen'),
    command: 'athena',
    summary: 'SQL over the Data Catalog, each query priced',
  },
  {
    id: 'quicksight',
    title: () => 'QuickSight',
    component: lazyScreen(() => import('../../screens/QuickSight/QuickSightScreen.js'), 'QuickSightScreen'),
    command: 'quicksight',
    summary: 'QuickSight subscription, users and their monthly cost, dashboard links',
  },
  {
    id: 'databrew',
    title: () => 'DataBrew',
    component: lazyScreen(() => import('../../screens/DataBrew/DataBrewScreen.js'), 'DataBrewScreen'),
    command: 'databrew',
    summary: 'Glue DataBrew jobs: runs, duration, node-hours, cost, logs',
  },
  {
    id: 'bigdata',
    title: () => 'Big data',
    component: lazyScreen(() => import('../../screens/BigData/BigDataScreen.js'), 'BigDataScreen'),
    command: 'bigdata',
    summary: 'Spark on EMR Serverless: applications, runs, logs, cost',
  },
  {
    id: 'storage',
    title: () => 'Storage',
    component: StorageScreen,
    command: 'storage',
    summary: 'EFS and EBS',
  },
  {
    id: 'policy',
    title: () => 'Policy',
    component: PolicyScreen,
    command: 'policy',
    summary: 'rules, what if',
  },
  {
    id: 'profiles',
    title: () => 'Profiles',
    component: ProfilesScreen,
    command: 'profiles',
    summary: 'switch, accept an invitation, new research user',
  },
  {
    id: 'team',
    title: () => 'Team',
    component: TeamScreen,
    command: 'team',
    summary: "the lab's users, invitations and budgets (team store)",
  },
  {
    id: 'templates',
    title: () => 'Templates',
    component: TemplatesScreen,
    command: 'templates',
    summary: 'templates, resolved',
  },
  { id: 'template', title: (params) => params.slug ?? 'Template', component: TemplateDetailsScreen },
  {
    id: 'workstation',
    title: (params) => params.name ?? 'Workstation',
    component: WorkstationDetailsScreen,
  },
  {
    id: 'rightsize',
    title: () => 'Rightsize',
    component: RightsizeScreen,
    command: 'rightsize',
    summary: 'smaller or larger types from 14 days of CPU, top savings first',
  },
  {
    id: 'workstation-ops',
    title: (params) => `${params.name ?? 'Workstation'}: logs, volumes, snapshots, idle, exec`,
    component: WorkstationOpsScreen,
  },
  {
    id: 'hpc',
    title: () => 'HPC',
    component: HpcScreen,
    command: 'hpc',
    summary: 'Slurm clusters, queues, jobs and their cost',
  },
  {
    id: 'marketplace',
    title: () => 'Marketplace',
    component: MarketplaceScreen,
    command: 'marketplace',
    summary: 'signed templates: search, install, rate, review queue',
  },
];

export function findPage(id: string): PageDefinition | undefined {
  return pages.find((page) => page.id === id);
}
