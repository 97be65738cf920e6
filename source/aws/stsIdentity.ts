import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { CallerIdentity, IdentityPort } from '../core/ports.js';
import { callAws } from './callAws.js';

/** Who the session's credentials belong to, for the header and the cws:owner tag. Asked once. */
export class StsIdentity implements IdentityPort {
  private identity: Promise<CallerIdentity> | undefined;

  constructor(
    private readonly sts: () => STSClient,
    private readonly profile?: string,
  ) {}

  callerIdentity(): Promise<CallerIdentity> {
    if (!this.identity) {
      this.identity = callAws(
        { action: 'sts:GetCallerIdentity', ...(this.profile ? { profile: this.profile } : {}) },
        async () => {
          const response = await this.sts().send(new GetCallerIdentityCommand({}));
          return { account: response.Account ?? '', arn: response.Arn ?? '', user_id: response.UserId ?? '' };
        },
      );
      // An expired session is logged into again and asked anew.
      this.identity.catch(() => {
        this.identity = undefined;
      });
    }
    return this.identity;
  }
}
