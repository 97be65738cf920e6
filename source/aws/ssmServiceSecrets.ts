import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { CloudError } from '../core/CloudError.js';
import type { ServiceSecretPort } from '../core/ports.js';
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
      throw error;
    }
  }
}
