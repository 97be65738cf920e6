/**
 * Where a workstation stores a web service's secret in Parameter Store: the boot script writes
 * this path with the instance role (whose policy allows only its own instance id), and connect
 * reads it with the user's credentials.
 */
export const serviceSecretParameter = (instanceId: string, service: string): string =>
  `/cws-tui/${instanceId}/${service}`;
