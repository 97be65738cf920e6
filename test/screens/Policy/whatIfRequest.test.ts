import { describe, expect, it } from 'vitest';
import { parseWhatIfTags, whatIfRequest } from '../../../source/screens/Policy/whatIfRequest.js';

const form = {
  template: 'python-ml',
  size: '',
  instance_type: 't3.medium',
  region: 'us-west-2',
  spot: true,
  tags: 'project=thesis, grant=G-12',
};

describe('the what-if form as a launch request', () => {
  it('asks for what launch --size/--type, --region, --spot and --tag would', () => {
    expect(whatIfRequest(form, 'what-if-x')).toEqual({
      template: 'python-ml',
      name: 'what-if-x',
      instance_type: 't3.medium',
      region: 'us-west-2',
      spot: true,
      hibernation: false,
      tags: { project: 'thesis', grant: 'G-12' },
    });
    expect(whatIfRequest({ ...form, size: 'M', tags: '' }, 'n')).toMatchObject({ size: 'M' });
    expect(whatIfRequest({ ...form, size: 'M', tags: '' }, 'n')).not.toHaveProperty('instance_type');
    expect(whatIfRequest({ ...form, instance_type: '' }, 'n')).toEqual({
      problem: 'type an instance type, or pick a size',
    });
  });

  it('refuses tags as launch --tag refuses them', () => {
    expect(parseWhatIfTags('')).toEqual({ tags: {} });
    expect(parseWhatIfTags('project')).toEqual({ problem: "a tag is key=value, got 'project'" });
    expect(parseWhatIfTags('=x')).toHaveProperty('problem');
    expect(parseWhatIfTags('cws:owner=me')).toHaveProperty('problem');
    expect(parseWhatIfTags('Name=box')).toHaveProperty('problem');
  });
});
