import { describe, expect, it } from 'vitest';
import { LaunchDeniedError, LaunchError } from '../../../source/core/launch/LaunchError.js';
import type { LaunchProgress } from '../../../source/core/launch/LaunchProgress.js';
import type { PolicyVerdict } from '../../../source/core/policy/PolicyVerdict.js';
import { parsePolicy } from '../../../source/core/policy/parsePolicy.js';
import type { ResolvedTemplate } from '../../../source/core/templates/templateSchema.js';
import {
  describeInstanceShape,
  formatHourly,
} from '../../../source/screens/LaunchWizard/instanceChoiceRows.js';
import { launchProgressLines } from '../../../source/screens/LaunchWizard/launchProgressLines.js';
import { serviceHourly, verdictRows } from '../../../source/screens/LaunchWizard/reviewSections.js';
import {
  filterTemplateChoices,
  suggestWorkstationName,
  templateChoices,
} from '../../../source/screens/LaunchWizard/templateChoices.js';
import { wizardFailure } from '../../../source/screens/LaunchWizard/wizardFailure.js';

const template = (slug: string, extra: Partial<ResolvedTemplate> = {}): ResolvedTemplate => ({
  slug,
  name: slug,
  description: `${slug} template`,
  inheritance_chain: [slug],
  source: `/templates/${slug}.yml`,
  ...extra,
});

const event = (
  step: LaunchProgress['step'],
  status: LaunchProgress['status'],
  detail = '',
): LaunchProgress => ({
  step,
  status,
  detail,
  at: '2026-11-26T00:00:00Z',
});

describe('the wizard template list', () => {
  it('lists the allowed templates first, keeps the forbidden with the reason, and filters', () => {
    const policy = parsePolicy('templates:\n  deny: ["r-*"]\n');
    const choices = templateChoices(
      [
        template('r-research'),
        template('python-ml', { category: 'ML' }),
        template('sagemaker-studio', { service_config: { kind: 'sagemaker-studio' } }),
      ],
      policy,
    );
    expect(choices.map((c) => [c.template.slug, c.access.allowed, c.kind])).toEqual([
      ['python-ml', true, 'ec2'],
      ['sagemaker-studio', true, 'service'],
      ['r-research', false, 'ec2'],
    ]);
    expect(choices[2]?.access.reason).toMatch(/r-research/);
    expect(filterTemplateChoices(choices, 'ml').map((c) => c.template.slug)).toEqual(['python-ml']);
    expect(filterTemplateChoices(choices, '  ')).toHaveLength(3);
  });

  it('suggests the lowest free name', () => {
    expect(suggestWorkstationName('python-ml', new Set())).toBe('python-ml-1');
    expect(suggestWorkstationName('python-ml', new Set(['python-ml-1', 'python-ml-2']))).toBe('python-ml-3');
    expect(suggestWorkstationName('x'.repeat(63), new Set())).toHaveLength(60);
  });
});

describe('the launching page', () => {
  it('shows every EC2 step in order, each with its latest event', () => {
    const lines = launchProgressLines(
      [
        event('resolve-template', 'started'),
        event('resolve-template', 'done', 'python-ml'),
        event('estimate-cost', 'done', '$0.08/h'),
        event('wait-ready', 'started', 'setup: packages'),
        event('wait-ready', 'started'),
      ],
      'ec2',
    );
    expect(lines.map((line) => [line.step, line.status, line.detail])).toEqual([
      ['resolve-template', 'done', 'python-ml'],
      ['estimate-cost', 'done', '$0.08/h'],
      ['check-policy', 'waiting', ''],
      ['resolve-image', 'waiting', ''],
      ['prepare-network', 'waiting', ''],
      ['render-user-data', 'waiting', ''],
      ['run-instance', 'waiting', ''],
      ['wait-running', 'waiting', ''],
      // A started event without a detail keeps the last one.
      ['wait-ready', 'started', 'setup: packages'],
    ]);
  });

  it('shows only the steps a managed service reported', () => {
    const lines = launchProgressLines(
      [event('resolve-template', 'done'), event('ensure-domain', 'failed', 'no VPC')],
      'service',
    );
    expect(lines.map((line) => [line.label, line.status])).toEqual([
      ['Resolve template', 'done'],
      ['Find or create the SageMaker domain', 'failed'],
    ]);
  });
});

describe('the review and failure pages', () => {
  const denied: PolicyVerdict = {
    allowed: false,
    violations: [
      { rule: 'max_gpus', expected: '<= 0', actual: '1', message: 'g5.xlarge has 1 GPU', unverified: false },
      {
        rule: 'monthly_budget',
        expected: '<= $5',
        actual: 'unknown',
        message: 'spend unknown',
        unverified: true,
      },
    ],
    suggestions: [{ rule: 'max_gpus', message: 'use m7i.xlarge' }],
    checked: ['max_gpus', 'monthly_budget'],
    notes: [],
  };

  it('explains a verdict rule by rule, with what would fix it', () => {
    expect(verdictRows(denied)).toEqual([
      ['Verdict', 'DENIED by 2 rules'],
      ['Violates', 'max_gpus: g5.xlarge has 1 GPU'],
      ['Unverified', 'monthly_budget: spend unknown'],
      ['Suggestion', 'use m7i.xlarge'],
    ]);
    expect(
      verdictRows({ ...denied, allowed: true, violations: [], suggestions: [], checked: ['x'] }),
    ).toEqual([['Verdict', 'allowed (1 rule checked)']]);
  });

  it('says where a launch failed and what to do', () => {
    expect(wizardFailure(new LaunchDeniedError(denied))).toEqual({
      message: 'the policy denies this launch',
      step: 'Check policy',
      verdict: denied,
    });
    expect(wizardFailure(new LaunchError('run-instance', 'no capacity', 'Try another zone.'))).toEqual({
      message: 'no capacity',
      step: 'Run instance',
      hint: 'Try another zone.',
    });
    expect(wizardFailure('boom')).toEqual({ message: 'boom' });
  });

  it('prices managed services and shapes for people', () => {
    expect(serviceHourly(template('c', { service_config: { kind: 'sagemaker-canvas' } }), undefined)).toBe(
      1.9,
    );
    expect(serviceHourly(template('l', { service_config: { kind: 'studio-lab' } }), undefined)).toBe(0);
    expect(
      serviceHourly(template('s', { service_config: { kind: 'sagemaker-studio' } }), {
        instance_type: 'ml.t3.medium',
        hourly: 0.05,
      }),
    ).toBe(0.05);
    expect(describeInstanceShape(undefined)).toBe('not in the catalog');
    expect(
      describeInstanceShape({
        name: 'g5.xlarge',
        vcpus: 4,
        memory_gib: 16,
        gpus: 1,
        gpu_model: 'NVIDIA A10G',
        architecture: 'x86_64',
        hibernation_supported: true,
      }),
    ).toBe('4 vCPU · 16 GiB · 1 GPU (NVIDIA A10G)');
    expect(formatHourly(undefined)).toBe('no price');
    expect(formatHourly(0.0832)).toBe('$0.0832/h');
  });
});
