/**
 * Every page the shell can show. To add a screen: write `source/screens/<Name>/<Name>Screen.tsx` (a
 * component taking `ScreenProps` that calls `useActions(actions)`), then add one line below, e.g.
 *   { id: 'cost', title: () => 'Cost', component: CostScreen, command: 'cost', summary: 'spend and budgets' },
 * The palette offers only registered commands, so a page that does not exist is never offered.
 */
import { CostScreen } from '../../screens/Cost/CostScreen.js';
import { DashboardScreen } from '../../screens/Dashboard/DashboardScreen.js';
import { WorkstationDetailsScreen } from '../../screens/Dashboard/WorkstationDetailsScreen.js';
import { HelpScreen } from '../../screens/Help/HelpScreen.js';
import { LaunchWizardScreen } from '../../screens/LaunchWizard/LaunchWizardScreen.js';
import { PolicyScreen } from '../../screens/Policy/PolicyScreen.js';
import { ProfilesScreen } from '../../screens/Profiles/ProfilesScreen.js';
import { ServicesScreen } from '../../screens/Services/ServicesScreen.js';
import { StorageScreen } from '../../screens/Storage/StorageScreen.js';
import { TemplateDetailsScreen } from '../../screens/Templates/TemplateDetailsScreen.js';
import { TemplatesScreen } from '../../screens/Templates/TemplatesScreen.js';
import type { PageDefinition } from './PageDefinition.js';

export const DASHBOARD_PAGE = 'dashboard';
export const HELP_PAGE = 'help';

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
];

export function findPage(id: string): PageDefinition | undefined {
  return pages.find((page) => page.id === id);
}
