import { describe, expect, it } from 'vitest';
import { openSession } from '../../../source/app/session/openSession.js';
import { studioHomeFileSystems } from '../../../source/core/services/studioHomeFileSystems.js';
import { tempEnv } from '../../app/demoSession.js';

describe('studioHomeFileSystems', () => {
  it('names the home EFS of the app’s domain per region, for the Storage screen', async () => {
    const session = await openSession({ env: { ...tempEnv(), USER: 'ana' }, demo: true });
    expect(await studioHomeFileSystems(session.account.studio, session.info.regions)).toEqual([]);
    await session.launchService({
      template: 'sagemaker-canvas',
      name: 'cv',
      spot: false,
      hibernation: false,
    });
    const [domain] = await session.account.studio.listDomains('us-east-1');
    expect(await studioHomeFileSystems(session.account.studio, session.info.regions)).toEqual([
      { region: 'us-east-1', domain_id: domain?.id, file_system_id: domain?.home_efs_file_system_id },
    ]);
  });
});
