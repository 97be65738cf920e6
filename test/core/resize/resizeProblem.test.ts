import { describe, expect, it } from 'vitest';
import { findInstanceType } from '../../../source/core/catalog/instanceTypes.js';
import type { Instance } from '../../../source/core/ports.js';
import { resizeProblem } from '../../../source/core/resize/resizeProblem.js';

const stopped: Instance = {
  id: 'i-1',
  name: 'box',
  region: 'us-east-1',
  state: 'stopped',
  instance_type: 't3.medium',
  architecture: 'x86_64',
  image_id: 'ami-1',
  launched_at: '2026-12-01T00:00:00Z',
  spot: false,
  hibernation_configured: false,
  hibernated: false,
  root_volume_gb: 20,
  root_volume_type: 'gp3',
  tags: {},
  transitions: [],
};

function type(name: string) {
  const info = findInstanceType(name);
  if (!info) throw new Error(`no ${name} in the catalog`);
  return info;
}

describe('resizeProblem', () => {
  it('allows a same-architecture Nitro type', () => {
    expect(resizeProblem(stopped, type('t3.medium'), type('m7i.xlarge'))).toBeUndefined();
  });

  it('refuses a hibernation-enabled workstation whose root volume cannot hold the new RAM', () => {
    const hibernating = { ...stopped, hibernation_configured: true, root_volume_gb: 20 };
    expect(resizeProblem(hibernating, undefined, type('m7i.2xlarge'))?.message).toMatch(
      /hibernation needs a root volume of 40 GB, box has 20 GB/,
    );
  });

  it('refuses the same type as a usage problem', () => {
    expect(resizeProblem(stopped, undefined, type('t3.medium'))?.kind).toBe('invalid');
  });
});
