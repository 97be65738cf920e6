/**
 * Faults for demos and tests, from `CWS_DEMO_STUDIO_FAULT`: `domain-failed` makes a new domain end
 * in Failed (as a VPC without the needed endpoints does), `app-limit` answers every CreateApp with
 * ResourceLimitExceeded, `list-denied` refuses ListDomains (a profile without SageMaker permissions).
 */
export type DemoStudioFault = 'domain-failed' | 'app-limit' | 'list-denied';

/** The fault `CWS_DEMO_STUDIO_FAULT` names; anything else is no fault. */
export function demoStudioFaultFrom(env: NodeJS.ProcessEnv): DemoStudioFault | undefined {
  const fault = env.CWS_DEMO_STUDIO_FAULT;
  return fault === 'domain-failed' || fault === 'app-limit' || fault === 'list-denied' ? fault : undefined;
}
