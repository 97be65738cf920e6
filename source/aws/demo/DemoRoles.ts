import type { InstanceRolePort } from '../../core/ports.js';
import {
  configuredInstanceProfile,
  INSTANCE_PROFILE_ENV,
  WORKSTATION_ROLE_NAME,
  WORKSTATION_ROLE_PATH,
} from '../workstationInstanceProfile.js';
import { DEMO_ACCOUNT_ID } from './demoState.js';

/**
 * The demo account's workstation instance profile: the one the app would create on AWS (same
 * name and path, in the demo account), or the one CWS_INSTANCE_PROFILE names, checked the same way.
 */
export class DemoRoles implements InstanceRolePort {
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  async ensureWorkstationInstanceProfile(): Promise<string> {
    return (
      configuredInstanceProfile(this.env[INSTANCE_PROFILE_ENV]) ??
      `arn:aws:iam::${DEMO_ACCOUNT_ID}:instance-profile${WORKSTATION_ROLE_PATH}${WORKSTATION_ROLE_NAME}`
    );
  }
}
