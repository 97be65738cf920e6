import type { ResearchUser } from '../../../source/core/identity/ResearchUser.js';
import type { ResolvedTemplate } from '../../../source/core/templates/templateSchema.js';

export const researchUser: ResearchUser = {
  username: 'alice',
  full_name: "Alice O'Neil",
  uid: 5001,
  gid: 5001,
  groups: ['admin'],
  shell: '/bin/bash',
  ssh_public_keys: [
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq0xDl5m2ofT5vnPR+a0Z4vXkA6y2gbVl3uYzQfJcEi alice@laptop',
  ],
  created_at: '2026-01-01T00:00:00Z',
};

const resolved = (template: Omit<ResolvedTemplate, 'inheritance_chain' | 'source'>): ResolvedTemplate => ({
  ...template,
  inheritance_chain: [template.slug],
  source: `fixtures/${template.slug}.yml`,
});

export const pythonMlTemplate = resolved({
  slug: 'python-ml',
  name: 'Python ML',
  description: 'Conda, JupyterLab and the scientific Python stack',
  base: 'ubuntu-24.04',
  package_manager: 'conda',
  packages: {
    system: ['build-essential', 'git', 'htop'],
    conda: ['numpy', 'pandas>=2.0', 'scikit-learn'],
    pip: ['torch', 'transformers[torch]'],
  },
  services: [{ name: 'jupyter', port: 8888 }],
  post_install:
    'echo "python ready for $CWS_USER" > /etc/motd\nif [ -n "$CWS_PARAM_dataset" ]; then echo "$CWS_PARAM_dataset"; fi',
  parameters: { dataset: { default: 'mnist' } },
  idle_detection: {
    enabled: true,
    idle_threshold_minutes: 15,
    hibernate_threshold_minutes: 30,
    check_interval_minutes: 5,
  },
  cloudwatch_agent: true,
});

export const rResearchTemplate = resolved({
  slug: 'r-research',
  name: 'R Research',
  description: 'R, RStudio Server and the tidyverse',
  base: 'ubuntu-22.04',
  package_manager: 'apt',
  packages: {
    system: ['r-base', 'libcurl4-openssl-dev', 'libssl-dev', 'libxml2-dev'],
    r: ['tidyverse', 'data.table'],
  },
  services: [{ name: 'rstudio-server', port: 8787, config: { 'auth-timeout-minutes': 120 } }],
});

export const basicTemplate = resolved({
  slug: 'basic-dev',
  name: 'Basic development',
  description: 'Compilers, git, docker and code-server',
  base: 'rocky-9',
  package_manager: 'dnf',
  packages: { system: ['gcc', 'git', 'docker', 'python3-pip'], pip: ['black'] },
  services: [{ name: 'code-server' }],
  files: [{ path: '/etc/cws/welcome.txt', content: "Welcome! It's $HOME `date`\n", mode: '0644' }],
});

export const FIXTURE_TEMPLATES = [pythonMlTemplate, rResearchTemplate, basicTemplate];
