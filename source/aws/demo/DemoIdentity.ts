import type { CallerIdentity, IdentityPort } from '../../core/ports.js';
import { DEMO_ACCOUNT_ID } from './demoState.js';

export class DemoIdentity implements IdentityPort {
  async callerIdentity(): Promise<CallerIdentity> {
    return {
      account: DEMO_ACCOUNT_ID,
      arn: `arn:aws:iam::${DEMO_ACCOUNT_ID}:user/demo-researcher`,
      user_id: 'AIDADEMORESEARCHER01',
    };
  }
}
