import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { CloudError } from '../core/CloudError.js';
import { type ServiceSecretPort, TAG } from '../core/ports.js';
import { serviceSecretParameter } from '../core/provisioning/serviceSecretParameter.js';
import { callAws } from './callAws.js';

export interface SsmServiceSecretsOptions {
  ssm: (region: string) => SSMClient;
  profile?: string;
}

/** The web services' secrets, read back from the SecureStrings each workstation stored at boot. */
export class SsmServiceSecrets implements ServiceSecretPort {
  constructor(private readonly options: SsmServiceSecretsOptions) {}

  async readServiceSecret(region: string, instanceId: string, service: string): Promise<string | undefined> {
    const name = serviceSecretParameter(instanceId, service);
    const context = {
      action: 'ssm:GetParameter',
      region,
      ...(this.options.profile ? { profile: this.options.profile } : {}),
    };
    try {
      const response = await callAws(context, () =>
        this.options.ssm(region).send(new GetParameterCommand({ Name: name, WithDecryption: true })),
      );
      return response.Parameter?.Value || undefined;
    } catch (error) {
      // Not written yet: the instance stores it when its services start.
      if (error instanceof CloudError && error.code === 'ParameterNotFound') return undefined;
      if (error instanceof CloudError && error.kind === 'unauthorized')
        throw tokenRefused(error, name, instanceId, service);
      throw error;
    }
  }
}

/**
 * A member's policy reads a token only when the parameter's `cws:research-user` tag is their own
 * principal tag: the usual reason for a refusal is another user's workstation, so say that.
 */
function tokenRefused(error: CloudError, name: string, instanceId: string, service: string): CloudError {
  return new CloudError({
    kind: 'unauthorized',
    code: error.code,
    message: `Refused to read the ${service} token of ${instanceId} (ssm:GetParameter on ${name}): a token is readable only by its workstation's research user (the parameter's ${TAG.researchUser} tag must equal the one on your IAM identity) and by admins.`,
    hint: `If ${instanceId} is yours, ask your admin to tag your IAM user or role ${TAG.researchUser}=<your research user>; otherwise ask its research user or an admin.`,
  });
}
