import { describe, expect, it } from 'vitest';
import type { StudioApp, StudioSpace } from '../../../source/core/ports.js';
import { serviceKindOf } from '../../../source/core/services/ServiceKind.js';
import { studioSpaceName, studioUserProfileName } from '../../../source/core/services/sageMakerNames.js';
import { unsupportedOperation } from '../../../source/core/services/serviceOperations.js';
import { studioLabImportUrl } from '../../../source/core/services/studioLabLinks.js';
import { workstationFromCanvasApp, workstationFromSpace } from '../../../source/core/services/studioRows.js';

describe('serviceKindOf', () => {
  it('picks the kind from service_config, then the connection type and the web services', () => {
    expect(serviceKindOf({ service_config: { kind: 'sagemaker-canvas' } })).toBe('sagemaker-canvas');
    expect(serviceKindOf({ connection_type: 'dcv' })).toBe('ec2-desktop');
    expect(serviceKindOf({ connection_type: 'web', services: [{ name: 'code-server', port: 8080 }] })).toBe(
      'code-server',
    );
    expect(serviceKindOf({ connection_type: 'web', services: [{ name: 'jupyterlab', port: 8888 }] })).toBe(
      'jupyterlab',
    );
    expect(
      serviceKindOf({ connection_type: 'auto', services: [{ name: 'rstudio-server', port: 8787 }] }),
    ).toBe('rstudio');
    // A disabled service, an unknown one, or an SSH template: SSH.
    expect(
      serviceKindOf({ connection_type: 'web', services: [{ name: 'jupyter', port: 8888, enable: false }] }),
    ).toBe('ec2-ssh');
    expect(serviceKindOf({ connection_type: 'web', services: [{ name: 'nginx', port: 80 }] })).toBe(
      'ec2-ssh',
    );
    expect(serviceKindOf({ connection_type: 'ssh', services: [{ name: 'jupyter', port: 8888 }] })).toBe(
      'ec2-ssh',
    );
  });
});

describe('unsupportedOperation', () => {
  it('names what a kind cannot do, and nothing for what it can', () => {
    expect(unsupportedOperation('ec2', 'hibernate')).toBeUndefined();
    expect(unsupportedOperation('sagemaker-studio', 'stop')).toBeUndefined();
    expect(unsupportedOperation('sagemaker-studio', 'hibernate')).toMatch(/cannot hibernate/);
    expect(unsupportedOperation('sagemaker-canvas', 'stop')).toMatch(/^Canvas has no stopped state/);
    expect(unsupportedOperation('studio-lab', 'start')).toMatch(/^Studio Lab has no AWS API/);
    expect(unsupportedOperation('studio-lab', 'connect')).toBeUndefined();
  });
});

describe('SageMaker names', () => {
  it('turns research users and workstation names into valid SageMaker names', () => {
    expect(studioUserProfileName('ana_lee')).toBe('cws-ana-lee');
    expect(studioSpaceName('thesis.v2_final')).toBe('thesis-v2-final');
    expect(studioSpaceName('run-')).toBe('run');
  });
});

describe('Studio Lab links', () => {
  it('imports a GitHub notebook through Studio Lab’s import address', () => {
    expect(studioLabImportUrl('https://github.com/org/repo/blob/main/dir/a b.ipynb')).toBe(
      'https://studiolab.sagemaker.aws/import/github/org/repo/blob/main/dir/a b.ipynb',
    );
    expect(() => studioLabImportUrl('https://github.com/org/repo')).toThrow(
      /imports a notebook from a GitHub address/,
    );
  });
});

const space: StudioSpace = {
  domain_id: 'd-1',
  name: 'nb',
  status: 'InService',
  owner_profile: 'cws-ana',
  app_type: 'JupyterLab',
  instance_type: 'ml.t3.medium',
  idle_timeout_minutes: 60,
  created_at: '2026-11-26T00:00:00.000Z',
  tags: { Name: 'nb', 'cws:template': 'sagemaker-studio', 'cws:research-user': 'ana', 'cws:profile': 'lab' },
};

function app(status: StudioApp['status'], extra: Partial<StudioApp> = {}): StudioApp {
  return {
    domain_id: 'd-1',
    region: 'us-east-1',
    type: 'JupyterLab',
    name: 'default',
    owner: { space: 'nb' },
    status,
    instance_type: 'ml.m5.xlarge',
    created_at: '2026-11-26T01:00:00.000Z',
    tags: {},
    ...extra,
  };
}

describe('studio rows', () => {
  it('a space reads as its app: running, starting, stopping, stopped, failed', () => {
    expect(workstationFromSpace(space, app('InService'), 'us-east-1')).toMatchObject({
      id: 'd-1/space/nb',
      name: 'nb',
      kind: 'sagemaker-studio',
      state: 'running',
      instance_type: 'ml.m5.xlarge',
      research_user: 'ana',
      profile: 'lab',
      template: 'sagemaker-studio',
      progress: 'ready',
    });
    expect(workstationFromSpace(space, app('Pending'), 'us-east-1').state).toBe('pending');
    expect(workstationFromSpace(space, app('Deleting'), 'us-east-1').state).toBe('stopping');
    expect(workstationFromSpace(space, undefined, 'us-east-1')).toMatchObject({
      state: 'stopped',
      instance_type: 'ml.t3.medium',
    });
    expect(
      workstationFromSpace(space, app('Failed', { failure_reason: 'capacity' }), 'us-east-1'),
    ).toMatchObject({ state: 'stopped', progress: 'app failed: capacity' });
    expect(workstationFromSpace({ ...space, status: 'Deleting' }, undefined, 'us-east-1').state).toBe(
      'shutting-down',
    );
  });

  it('a Canvas app has no stopped state: deleted reads as terminated', () => {
    const canvas = app('InService', { type: 'Canvas', owner: { profile: 'cws-ana' }, tags: { Name: 'cv' } });
    expect(workstationFromCanvasApp(canvas, 'us-east-1')).toMatchObject({
      id: 'd-1/canvas/cws-ana',
      name: 'cv',
      state: 'running',
      instance_type: 'canvas-session',
    });
    expect(workstationFromCanvasApp({ ...canvas, status: 'Deleting' }, 'us-east-1').state).toBe(
      'shutting-down',
    );
    expect(workstationFromCanvasApp({ ...canvas, status: 'Deleted' }, 'us-east-1').state).toBe('terminated');
  });
});
