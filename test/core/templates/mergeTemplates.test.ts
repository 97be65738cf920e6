import { describe, expect, it } from 'vitest';
import { mergeTemplates } from '../../../source/core/templates/mergeTemplates.js';
import { type Template, templateSchema } from '../../../source/core/templates/templateSchema.js';

interface FieldCase {
  parent: Partial<Template>;
  child: Partial<Template>;
  /** The merged value of the field; `undefined` when it must be absent. */
  expected: unknown;
}

const merge = (parent: Partial<Template>, child: Partial<Template>): Template =>
  mergeTemplates({ name: 'Parent', ...parent }, { name: 'Child', ...child });

/** One case per field of the format: the rule each field follows, written down. */
const cases: Record<keyof Template, FieldCase[]> = {
  name: [{ parent: {}, child: {}, expected: 'Child' }],
  slug: [
    { parent: { slug: 'parent' }, child: {}, expected: undefined },
    { parent: { slug: 'parent' }, child: { slug: 'child' }, expected: 'child' },
  ],
  inherits: [{ parent: { inherits: ['root'] }, child: { inherits: ['parent'] }, expected: ['parent'] }],
  description: [{ parent: { description: 'Parent text' }, child: {}, expected: undefined }],
  long_description: [{ parent: { long_description: 'Parent text' }, child: {}, expected: undefined }],
  popular: [{ parent: { popular: true }, child: {}, expected: undefined }],
  featured: [{ parent: { featured: true }, child: {}, expected: undefined }],
  version: [{ parent: { version: '2.0' }, child: {}, expected: undefined }],
  last_updated: [{ parent: { last_updated: '2025-01-01' }, child: {}, expected: undefined }],
  base: [
    { parent: { base: 'ubuntu-24.04' }, child: {}, expected: 'ubuntu-24.04' },
    { parent: { base: 'ubuntu-24.04' }, child: { base: 'ubuntu-22.04' }, expected: 'ubuntu-22.04' },
  ],
  ami_config: [
    {
      parent: { ami_config: { amis: { 'us-east-1': { x86_64: 'ami-0123456789abcdef0' } } } },
      child: { ami_config: { ssm_parameter: '/aws/service/x/ami-id' } },
      expected: { ssm_parameter: '/aws/service/x/ami-id' },
    },
  ],
  package_manager: [
    { parent: { package_manager: 'dnf' }, child: { package_manager: 'conda' }, expected: 'conda' },
    { parent: { package_manager: 'dnf' }, child: {}, expected: 'dnf' },
  ],
  connection_type: [
    { parent: { connection_type: 'ssh' }, child: { connection_type: 'web' }, expected: 'web' },
  ],
  complexity: [{ parent: { complexity: 'simple' }, child: { complexity: 'advanced' }, expected: 'advanced' }],
  category: [{ parent: { category: 'Base' }, child: {}, expected: 'Base' }],
  compliance: [
    { parent: { compliance: { frameworks: ['HIPAA'] } }, child: {}, expected: undefined },
    {
      parent: {},
      child: { compliance: { controls: ['no_public_ip'] } },
      expected: { controls: ['no_public_ip'] },
    },
  ],
  domain: [{ parent: { domain: 'base' }, child: { domain: 'ml' }, expected: 'ml' }],
  icon: [{ parent: { icon: 'a' }, child: { icon: 'b' }, expected: 'b' }],
  color: [{ parent: { color: '#000' }, child: {}, expected: '#000' }],
  maintainer: [{ parent: { maintainer: 'lab' }, child: { maintainer: 'me' }, expected: 'me' }],
  minimum_size: [{ parent: { minimum_size: 'S' }, child: { minimum_size: 'M' }, expected: 'M' }],
  estimated_launch_time: [{ parent: { estimated_launch_time: 5 }, child: {}, expected: 5 }],
  validation_status: [
    {
      parent: { validation_status: 'testing' },
      child: { validation_status: 'validated' },
      expected: 'validated',
    },
  ],
  architecture: [{ parent: { architecture: 'x86_64' }, child: { architecture: 'arm64' }, expected: 'arm64' }],
  packages: [
    {
      parent: { packages: { system: ['git', 'curl'], conda: ['numpy'] } },
      child: { packages: { system: ['curl', 'htop'], pip: ['rich'] } },
      expected: { system: ['git', 'curl', 'htop'], conda: ['numpy'], pip: ['rich'] },
    },
    { parent: {}, child: { packages: { spack: ['openmpi'] } }, expected: { spack: ['openmpi'] } },
    {
      parent: { packages: { r: ['dplyr'] } },
      child: { packages: { r: ['dplyr', 'ggplot2'] } },
      expected: { r: ['dplyr', 'ggplot2'] },
    },
  ],
  users: [
    {
      parent: {
        users: [
          { name: 'rocky', groups: ['wheel'] },
          { name: 'data', shell: '/bin/sh' },
        ],
      },
      child: { users: [{ name: 'data', groups: ['docker'], shell: '/bin/bash' }, { name: 'scientist' }] },
      expected: [
        { name: 'rocky', groups: ['wheel'] },
        { name: 'data', groups: ['docker'], shell: '/bin/bash' },
        { name: 'scientist' },
      ],
    },
    {
      parent: { users: [{ name: 'a', groups: ['x', 'y'] }] },
      child: { users: [{ name: 'a', groups: ['y', 'z'] }] },
      expected: [{ name: 'a', groups: ['x', 'y', 'z'] }],
    },
  ],
  services: [
    {
      parent: {
        services: [{ name: 'jupyterlab', port: 8888, config: { a: '1', b: '2' } }, { name: 'sshd' }],
      },
      child: {
        services: [
          { name: 'jupyterlab', port: 9999, config: { b: '3' } },
          { name: 'rstudio-server', port: 8787 },
        ],
      },
      expected: [
        { name: 'jupyterlab', port: 9999, config: { a: '1', b: '3' } },
        { name: 'sshd' },
        { name: 'rstudio-server', port: 8787 },
      ],
    },
  ],
  files: [
    {
      parent: {
        files: [
          { path: '/etc/a', content: 'old' },
          { path: '/etc/b', content: 'b', mode: '0600' },
        ],
      },
      child: {
        files: [
          { path: '/etc/a', content: 'new' },
          { path: '/etc/c', content: 'c' },
        ],
      },
      expected: [
        { path: '/etc/a', content: 'new' },
        { path: '/etc/b', content: 'b', mode: '0600' },
        { path: '/etc/c', content: 'c' },
      ],
    },
  ],
  post_install: [
    {
      parent: { post_install: 'echo parent' },
      child: { post_install: 'echo child\n' },
      expected: 'echo parent\necho child\n',
    },
    { parent: { post_install: 'echo parent\n' }, child: {}, expected: 'echo parent\n' },
  ],
  user_data: [{ parent: { user_data: 'a\n' }, child: { user_data: 'b\n' }, expected: 'a\nb\n' }],
  idle_detection: [
    {
      parent: { idle_detection: { enabled: true, idle_threshold_minutes: 30, check_interval_minutes: 5 } },
      child: { idle_detection: { idle_threshold_minutes: 10 } },
      expected: { enabled: true, idle_threshold_minutes: 10, check_interval_minutes: 5 },
    },
  ],
  cloudwatch_agent: [
    { parent: { cloudwatch_agent: true }, child: {}, expected: true },
    { parent: { cloudwatch_agent: true }, child: { cloudwatch_agent: false }, expected: false },
  ],
  instance_defaults: [
    {
      parent: {
        instance_defaults: {
          type: 't3.medium',
          ports: [22],
          root_volume_gb: 30,
          estimated_cost_per_hour: { x86_64: 0.04, arm64: 0.03 },
        },
      },
      child: {
        instance_defaults: { type: 'g5.xlarge', ports: [22, 8888], estimated_cost_per_hour: { x86_64: 1.0 } },
      },
      expected: {
        type: 'g5.xlarge',
        ports: [22, 8888],
        root_volume_gb: 30,
        estimated_cost_per_hour: { x86_64: 1.0, arm64: 0.03 },
      },
    },
  ],
  service_config: [
    {
      parent: {
        service_config: { kind: 'sagemaker-studio', app_type: 'JupyterLab', instance_type: 'ml.t3.medium' },
      },
      child: { service_config: { kind: 'sagemaker-studio', instance_type: 'ml.m5.xlarge' } },
      expected: { kind: 'sagemaker-studio', app_type: 'JupyterLab', instance_type: 'ml.m5.xlarge' },
    },
    {
      parent: { service_config: { kind: 'sagemaker-studio', app_type: 'JupyterLab' } },
      child: { service_config: { kind: 'studio-lab' } },
      expected: { kind: 'studio-lab' },
    },
  ],
  cluster_config: [
    {
      parent: {
        cluster_config: {
          kind: 'parallelcluster',
          head_node: { instance_type: 't3.medium' },
          queues: [
            { name: 'cpu', compute_resources: [{ name: 'c6i', instance_type: 'c6i.xlarge', max_count: 4 }] },
            { name: 'gpu', compute_resources: [{ name: 'g5', instance_type: 'g5.xlarge', max_count: 2 }] },
          ],
          shared_storage: [{ kind: 'efs', mount_dir: '/shared' }],
          examples: ['array-job.sbatch'],
        },
      },
      child: {
        cluster_config: {
          kind: 'parallelcluster',
          head_node: { instance_type: 'm7i.large' },
          queues: [
            { name: 'cpu', compute_resources: [{ name: 'c6i', instance_type: 'c6i.xlarge', max_count: 20 }] },
          ],
          examples: ['mpi-efa.sbatch'],
        },
      },
      expected: {
        kind: 'parallelcluster',
        head_node: { instance_type: 'm7i.large' },
        queues: [
          { name: 'cpu', compute_resources: [{ name: 'c6i', instance_type: 'c6i.xlarge', max_count: 20 }] },
          { name: 'gpu', compute_resources: [{ name: 'g5', instance_type: 'g5.xlarge', max_count: 2 }] },
        ],
        shared_storage: [{ kind: 'efs', mount_dir: '/shared' }],
        examples: ['array-job.sbatch', 'mpi-efa.sbatch'],
      },
    },
  ],
  bigdata: [
    {
      parent: {
        bigdata: {
          kind: 'emr-serverless',
          release_label: 'emr-7.5.0',
          maximum_capacity: { vcpu: 64, memory_gb: 256 },
          auto_stop_idle_minutes: 15,
        },
      },
      child: {
        bigdata: {
          kind: 'emr-serverless',
          release_label: 'emr-7.6.0',
          maximum_capacity: { vcpu: 32, memory_gb: 128 },
        },
      },
      expected: {
        kind: 'emr-serverless',
        release_label: 'emr-7.6.0',
        maximum_capacity: { vcpu: 32, memory_gb: 128 },
        auto_stop_idle_minutes: 15,
      },
    },
    {
      parent: { bigdata: { kind: 'emr-studio' } },
      child: { bigdata: { kind: 'emr-studio', workspace_prefix: 'lab' } },
      expected: { kind: 'emr-studio', workspace_prefix: 'lab' },
    },
  ],
  analytics: [
    {
      parent: {
        analytics: {
          kind: 'databrew',
          dataset: { name: 'a', s3_uri: 's3://lab-bucket/a.csv' },
          recipe: 'clean',
          job: { max_nodes: 2, output: 's3://lab-bucket/out/' },
        },
      },
      child: {
        analytics: {
          kind: 'databrew',
          dataset: { name: 'a', s3_uri: 's3://lab-bucket/a.csv' },
          recipe: 'dedupe',
          job: { max_nodes: 4, output: 's3://lab-bucket/out/' },
        },
      },
      expected: {
        kind: 'databrew',
        dataset: { name: 'a', s3_uri: 's3://lab-bucket/a.csv' },
        recipe: 'dedupe',
        job: { max_nodes: 4, output: 's3://lab-bucket/out/' },
      },
    },
    {
      parent: { analytics: { kind: 'athena', database: 'db', examples: [{ name: 'q', sql: 'SELECT 1' }] } },
      child: {
        analytics: {
          kind: 'quicksight',
          database: 'db',
          table: 't',
          dashboard: {
            id: 'd',
            name: 'D',
            visuals: [{ kind: 'bar', title: 'T', category: 'a', value: 'b' }],
          },
        },
      },
      expected: {
        kind: 'quicksight',
        database: 'db',
        table: 't',
        dashboard: { id: 'd', name: 'D', visuals: [{ kind: 'bar', title: 'T', category: 'a', value: 'b' }] },
      },
    },
  ],
  parameters: [
    {
      parent: {
        parameters: {
          gpu: { type: 'bool', default: false, description: 'Use a GPU' },
          env: { default: 'a' },
        },
      },
      child: { parameters: { gpu: { default: true } } },
      expected: { gpu: { type: 'bool', default: true, description: 'Use a GPU' }, env: { default: 'a' } },
    },
  ],
  research_user: [
    {
      parent: { research_user: { enabled: true, defaults: { shell: '/bin/bash', groups: ['a'] } } },
      child: { research_user: { defaults: { shell: '/bin/zsh' } } },
      expected: { enabled: true, defaults: { shell: '/bin/zsh', groups: ['a'] } },
    },
  ],
  tags: [
    {
      parent: { tags: { team: 'a', cost: 'x' } },
      child: { tags: { team: 'b' } },
      expected: { team: 'b', cost: 'x' },
    },
  ],
  storage: [
    {
      parent: { storage: { type: 'lustre', deployment: 'scratch2', capacity_gib: 1200 } },
      child: { storage: { type: 'openzfs', capacity_gib: 64 } },
      expected: { type: 'openzfs', capacity_gib: 64 },
    },
    { parent: { storage: { type: 'lustre' } }, child: {}, expected: { type: 'lustre' } },
  ],
  sizes: [
    {
      parent: { sizes: { S: 't3.medium', XL: 'm7i.4xlarge' } },
      child: { sizes: { S: 't3.large', GPU: 'g5.xlarge' } },
      expected: { S: 't3.large', GPU: 'g5.xlarge' },
    },
    { parent: { sizes: { S: 't3.medium' } }, child: {}, expected: { S: 't3.medium' } },
  ],
  variables: [
    { parent: { variables: { a: 1, b: 2 } }, child: { variables: { b: 3 } }, expected: { a: 1, b: 3 } },
  ],
  ports: [
    { parent: { ports: [22, 8888] }, child: { ports: [8888, 8787] }, expected: [22, 8888, 8787] },
    { parent: {}, child: { ports: [22] }, expected: [22] },
  ],
  prerequisites: [
    {
      parent: { prerequisites: ['Linux'] },
      child: { prerequisites: ['Linux', 'Python'] },
      expected: ['Linux', 'Python'],
    },
  ],
  learning_resources: [
    {
      parent: { learning_resources: ['https://a.example'] },
      child: { learning_resources: ['https://a.example', { title: 'B', url: 'https://b.example' }] },
      expected: ['https://a.example', { title: 'B', url: 'https://b.example' }],
    },
  ],
};

describe('mergeTemplates', () => {
  it('has a written-down case for every field of the format', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(templateSchema.shape).sort());
  });

  for (const [field, fieldCases] of Object.entries(cases) as [keyof Template, FieldCase[]][]) {
    it(`merges ${field}`, () => {
      for (const { parent, child, expected } of fieldCases) {
        const merged = merge(parent, child);
        if (expected === undefined) expect(merged).not.toHaveProperty(field);
        else expect(merged[field]).toEqual(expected);
      }
    });
  }

  it('leaves both inputs unchanged', () => {
    const parent: Template = {
      name: 'P',
      ports: [22],
      packages: { system: ['git'] },
      users: [{ name: 'a', groups: ['x'] }],
    };
    const child: Template = {
      name: 'C',
      ports: [80],
      packages: { system: ['vim'] },
      users: [{ name: 'a', groups: ['y'] }],
    };
    const before = JSON.stringify([parent, child]);
    mergeTemplates(parent, child);
    expect(JSON.stringify([parent, child])).toBe(before);
  });

  it('keeps only the child fields when the parent is empty', () => {
    const child: Template = { name: 'C', base: 'al2023', ports: [22] };
    expect(mergeTemplates({ name: 'P' }, child)).toEqual(child);
  });
});
