import type { ServiceSecretPort } from '../../core/ports.js';
import type { DemoCompute } from './DemoCompute.js';

/**
 * The demo account's Parameter Store for the web services' secrets: each demo instance "stores"
 * the secrets its boot script makes when its boot reaches the services stage, as on AWS.
 */
export class DemoServiceSecrets implements ServiceSecretPort {
  constructor(private readonly compute: DemoCompute) {}

  readServiceSecret(region: string, instanceId: string, service: string): Promise<string | undefined> {
    return this.compute.storedServiceSecret(region, instanceId, service);
  }
}
